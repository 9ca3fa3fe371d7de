package org.labelefficient.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes that never leave a half-written file or folder behind, so that a killed run or a full disk leaves either
 * the old or the new complete content: a file goes to a hidden temporary sibling that then replaces the target in
 * one rename; a folder is built beside its target, the old one renamed aside, then replaced. Every writer of the
 * project (images, models, checkpoints, tables, figures) goes through here.
 */
public final class AtomicFiles {

	/** Writes the content of a file to a stream. */
	@FunctionalInterface
	public interface Content {
		/** Writes the whole content to {@code out} (buffered; closed by the caller). */
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFiles() {}

	/**
	 * Writes {@code file} with the given content, creating missing parent folders.
	 *
	 * @throws BadInputException naming the file if it cannot be written
	 */
	public static void write(Path file, Content content) {
		Path target = file.toAbsolutePath();
		Path temp = target.resolveSibling("." + target.getFileName() + "."
			+ Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
		try {
			Files.createDirectories(target.getParent());
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
				StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
				content.writeTo(out);
			}
			move(temp, target);
		} catch (IOException e) {
			throw new BadInputException(file, "cannot write: " + e, e);
		} finally {
			deleteQuietly(temp);
		}
	}

	/** Writes a UTF-8 text file as {@link #write} does. */
	public static void writeString(Path file, String content) {
		write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Replaces folder {@code target} by the complete folder {@code fresh} (a sibling). The old folder is first renamed
	 * aside, so at every moment either the old or the new complete folder exists under a known name.
	 */
	public static void replaceDirectory(Path fresh, Path target) throws IOException {
		Path old = aside(target);
		deleteRecursively(old);
		if (Files.exists(target)) move(target, old);
		move(fresh, target);
		deleteRecursively(old);
	}

	/** Restores a folder left renamed aside by an interrupted {@link #replaceDirectory}. */
	public static void recoverDirectory(Path target) throws IOException {
		Path old = aside(target);
		if (!Files.exists(target) && Files.exists(old)) move(old, target);
	}

	/** Copies folder {@code from} and everything in it to {@code to} (which must not exist). */
	public static void copyDirectory(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path f : files.toList())
				Files.copy(f, to.resolve(from.relativize(f).toString()));
		}
	}

	/** Deletes a file or folder tree if it exists. */
	public static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) return;
		try (Stream<Path> walk = Files.walk(path)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private static Path aside(Path target) {
		return target.resolveSibling("." + target.getFileName() + ".old");
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path temp) {
		try {
			Files.deleteIfExists(temp);
		} catch (IOException e) {
			// nothing more to do: the temporary file is hidden and named as such
		}
	}
}
