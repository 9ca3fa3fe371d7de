package org.labelefficient.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Reads and writes images and volumes by file name: NIfTI-1 ({@code .nii}, {@code .nii.gz}), HDF5 ({@code .h5},
 * {@code .hdf5}; dataset {@code image} unless named) and the formats ImageJ 1.x opens (TIFF, PNG, DICOM, ...).
 * Errors are {@link BadInputException}s that name the file and the problem. Writes are atomic: a temporary file in
 * the same folder, renamed when complete.
 */
public final class VolumeIO {

	private VolumeIO() {}

	/** Reads an image or volume; the format follows from the file name. */
	public static Volume read(Path file) {
		if (!Files.isRegularFile(file)) throw new BadInputException(file, Files.isDirectory(file)
			? "is a folder, not an image file" : "not found");
		return switch (FileNames.extension(file)) {
			case ".nii", ".nii.gz" -> NiftiReader.read(file);
			case ".h5", ".hdf5" -> Hdf5Reader.read(file, Hdf5Reader.DEFAULT_DATASET);
			default -> ImageJFormats.read(file);
		};
	}

	/** Reads dataset {@code dataset} of an HDF5 file, shape (z, y, x) or (y, x). */
	public static Volume readHdf5(Path file, String dataset) {
		return Hdf5Reader.read(file, dataset);
	}

	/** The names of the datasets at the root of an HDF5 file. */
	public static List<String> hdf5Datasets(Path file) {
		return Hdf5Reader.datasets(file);
	}

	/**
	 * Writes a volume; the format follows from the file name ({@code .nii}, {@code .nii.gz}: every type; {@code .tif}:
	 * UINT8, UINT16, FLOAT32; {@code .png}: 2D UINT8 or UINT16). Creates missing parent folders.
	 */
	public static void write(Volume volume, Path file, VoxelType type) {
		String ext = FileNames.extension(file);
		Path parent = file.toAbsolutePath().getParent();
		Path tmp = parent.resolve("." + file.getFileName() + ".tmp" + ProcessHandle.current().pid() + "-" + Thread
			.currentThread().getId() + ext);
		try {
			Files.createDirectories(parent);
			switch (ext) {
				case ".nii", ".nii.gz" -> NiftiWriter.write(volume, tmp, type);
				case ".tif", ".tiff" -> ImageJFormats.writeTiff(volume, tmp, type);
				case ".png" -> ImageJFormats.writePng(volume, tmp, type);
				default -> throw new BadInputException(file, "cannot be written: use .nii, .nii.gz, .tif or .png");
			}
			move(tmp, file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException e) {
				// the temporary file is hidden and named after the target; nothing more to do
			}
		}
	}

	private static void move(Path tmp, Path file) throws IOException {
		try {
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
