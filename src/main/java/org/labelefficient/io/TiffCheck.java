package org.labelefficient.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.io.FileInfo;
import ij.io.TiffDecoder;

/**
 * Checks a TIFF file's directory against its length before ImageJ reads it: ImageJ fills missing pixels of a
 * truncated file with zeros instead of failing, which would silently corrupt an image.
 */
final class TiffCheck {

	private TiffCheck() {}

	/** @throws BadInputException naming the file if its TIFF directory is unreadable or its data runs past the end */
	static void check(Path file) {
		FileInfo[] infos;
		long length;
		try {
			length = Files.size(file);
			Path dir = file.toAbsolutePath().getParent();
			infos = new TiffDecoder(dir + java.io.File.separator, file.getFileName().toString()).getTiffInfo();
		} catch (IOException | RuntimeException e) {
			throw new BadInputException(file, "damaged TIFF file: " + e.getMessage(), e);
		} catch (OutOfMemoryError e) {
			throw new BadInputException(file, "damaged TIFF file: its directory declares impossibly large arrays", e);
		}
		if (infos == null || infos.length == 0) throw new BadInputException(file, "not a TIFF file (no images)");
		for (FileInfo info : infos) {
			checkSize(file, info, length);
			long end = dataEnd(info);
			if (end > length) throw new BadInputException(file, "truncated TIFF file: image data ends at byte " + end
				+ " but the file has " + length + " bytes");
		}
	}

	/**
	 * Rejects sizes no real file of this length can hold: non-positive sizes, planes beyond Java's array limit, and
	 * pixel data more than 1100 times the file (beyond what any TIFF compression achieves).
	 */
	private static void checkSize(Path file, FileInfo info, long length) {
		long plane = (long) info.width * info.height;
		long bytes = plane * Math.max(1, info.getBytesPerPixel()) * Math.max(1, info.nImages);
		if (info.width <= 0 || info.height <= 0 || plane > Integer.MAX_VALUE - 64 || bytes > 1100 * length)
			throw new BadInputException(file, "damaged TIFF file: it declares " + info.width + "x" + info.height + "x"
				+ Math.max(1, info.nImages) + " pixels in " + length + " bytes");
	}

	/** The byte after the last byte of image data that {@code info} describes (0 when it cannot tell). */
	private static long dataEnd(FileInfo info) {
		long end = 0;
		if (info.stripOffsets != null && info.stripLengths != null)
			for (int i = 0; i < Math.min(info.stripOffsets.length, info.stripLengths.length); i++)
				end = Math.max(end, (info.stripOffsets[i] & 0xffffffffL) + (info.stripLengths[i] & 0xffffffffL));
		if (info.compression != FileInfo.COMPRESSION_NONE || info.fileType == FileInfo.BITMAP) return end;
		long image = (long) info.width * info.height * info.getBytesPerPixel();
		int n = Math.max(1, info.nImages);
		return Math.max(end, info.getOffset() + n * image + (n - 1) * info.getGap());
	}
}
