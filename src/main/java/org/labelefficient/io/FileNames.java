package org.labelefficient.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** File-name rules shared by datasets, prediction and evaluation: extensions, base names, derived names. */
public final class FileNames {

	/** Extensions of the image files the readers accept, longest first (so that .nii.gz wins over .gz). */
	public static final List<String> IMAGE_EXTENSIONS = List.of(".nii.gz", ".tiff", ".hdf5", ".nii", ".tif", ".png",
		".dcm", ".jpg", ".jpeg", ".bmp", ".gif", ".h5");

	/** Extensions that {@link VolumeIO#write} writes. */
	public static final List<String> WRITABLE_EXTENSIONS = List.of(".nii.gz", ".nii", ".tif", ".tiff", ".png");

	private FileNames() {}

	/** The image extension of a file name ({@code ".nii.gz"}, {@code ".tif"}, ...), or "" if none is known. */
	public static String extension(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		for (String e : IMAGE_EXTENSIONS)
			if (name.endsWith(e)) return e;
		return "";
	}

	/** True when the file name has an image extension and is not hidden. */
	public static boolean isImage(Path file) {
		return !file.getFileName().toString().startsWith(".") && !extension(file).isEmpty();
	}

	/** The file name without its image extension: {@code a/case01.nii.gz} gives {@code case01}. */
	public static String baseName(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - extension(file).length());
	}

	/** The sibling file with {@code suffix} inserted before the extension. */
	public static Path withSuffix(Path file, String suffix) {
		String name = file.getFileName().toString();
		String ext = name.substring(name.length() - extension(file).length());
		return file.resolveSibling(baseName(file) + suffix + ext);
	}
}
