package org.labelefficient.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the content goes to a hidden temporary file in the same folder, which then replaces
 * the target in one rename, so that readers never see a half-written file. Missing parent folders are created.
 */
public final class AtomicFile {

	/** Writes the content of a file to a stream. */
	@FunctionalInterface
	public interface Content {
		/** Writes the whole content to {@code out} (buffered; closed by the caller). */
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFile() {}

	/**
	 * Writes {@code file} with the given content.
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

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
