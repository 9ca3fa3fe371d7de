package org.labelefficient.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.labelefficient.io.AtomicFile;

/**
 * Writes that never leave a half-written file or folder behind: content goes to a temporary sibling first and is
 * then renamed over the target (files through {@link AtomicFile}; folders renamed aside, then replaced).
 */
public final class AtomicFiles {

	private AtomicFiles() {}

	/** Writes a text file atomically, creating parent folders. */
	public static void writeString(Path file, String content) throws IOException {
		AtomicFile.write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Replaces folder {@code target} by the complete folder {@code fresh} (a sibling). The old folder is first renamed
	 * aside, so at every moment either the old or the new complete folder exists under a known name.
	 */
	public static void replaceDirectory(Path fresh, Path target) throws IOException {
		Path old = target.resolveSibling("." + target.getFileName() + ".old");
		deleteRecursively(old);
		if (Files.exists(target)) move(target, old);
		move(fresh, target);
		deleteRecursively(old);
	}

	/** Copies folder {@code from} and everything in it to {@code to} (which must not exist). */
	public static void copyDirectory(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path f : files.toList())
				Files.copy(f, to.resolve(from.relativize(f).toString()));
		}
	}

	/** Restores a folder left renamed aside by an interrupted {@link #replaceDirectory}. */
	public static void recoverDirectory(Path target) throws IOException {
		Path old = target.resolveSibling("." + target.getFileName() + ".old");
		if (!Files.exists(target) && Files.exists(old)) move(old, target);
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Deletes a file or folder tree if it exists. */
	public static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) return;
		try (Stream<Path> walk = Files.walk(path)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}
}
