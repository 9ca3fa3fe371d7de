package org.labelefficient.io;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes images and volumes by file name: NIfTI-1 ({@code .nii}, {@code .nii.gz}), HDF5 ({@code .h5},
 * {@code .hdf5}, with a dataset name) and the formats ImageJ 1.x opens (TIFF, PNG, DICOM, ...). Errors are
 * {@link BadInputException}s that name the file and the problem.
 */
public final class VolumeIO {

	/** The dataset that {@link #read} takes from HDF5 files. */
	public static final String HDF5_IMAGE = "image";

	private VolumeIO() {}

	/**
	 * Reads an image or volume; the format follows from the file name: NIfTI-1 ({@link NiftiReader}), HDF5 dataset
	 * {@value #HDF5_IMAGE} ({@link Hdf5Reader}), anything else through ImageJ ({@link ImageJFormats#read}).
	 */
	public static Volume read(Path file) {
		switch (FileNames.extension(file)) {
			case ".nii": case ".nii.gz": return NiftiReader.read(file);
			case ".h5": case ".hdf5": return Hdf5Reader.read(file, HDF5_IMAGE);
			default: return ImageJFormats.read(file);
		}
	}

	/** Reads dataset {@code dataset} of an HDF5 file, shape (z, y, x) or (y, x). */
	public static Volume readHdf5(Path file, String dataset) {
		return Hdf5Reader.read(file, dataset);
	}

	/** The paths of the datasets in an HDF5 file, such as {@code [image, label, scribble]}. */
	public static List<String> hdf5Datasets(Path file) {
		return Hdf5Reader.datasets(file);
	}

	/**
	 * Writes a volume; the format follows from the file name; atomic (temporary file, then rename). NIfTI takes
	 * every type, TIFF UINT8, UINT16 and FLOAT32, PNG (2D only) UINT8 and UINT16; integer types round and clamp.
	 *
	 * @throws BadInputException naming the file for another format, an unsupported type, or a write failure
	 */
	public static void write(Volume volume, Path file, VoxelType type) {
		switch (FileNames.extension(file)) {
			case ".nii": case ".nii.gz": NiftiWriter.write(volume, file, type); break;
			case ".tif": case ".tiff": ImageJFormats.writeTiff(volume, file, type); break;
			case ".png": ImageJFormats.writePng(volume, file, type); break;
			default: throw new BadInputException(file, "cannot write this format; use .nii.gz, .nii, .tif or .png");
		}
	}
}
