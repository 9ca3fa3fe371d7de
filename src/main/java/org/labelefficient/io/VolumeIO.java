package org.labelefficient.io;

import java.nio.file.Path;

/**
 * Reads and writes images and volumes by file name: NIfTI-1 ({@code .nii}, {@code .nii.gz}), HDF5 ({@code .h5},
 * with a dataset name) and the formats ImageJ 1.x opens (TIFF, PNG, DICOM, ...). Errors are
 * {@link BadInputException}s that name the file and the problem.
 */
public final class VolumeIO {

	private VolumeIO() {}

	/** Reads an image or volume; the format follows from the file name. */
	public static Volume read(Path file) {
		throw new UnsupportedOperationException("VolumeIO.read is being implemented");
	}

	/** Reads dataset {@code dataset} of an HDF5 file, shape (z, y, x) or (y, x). */
	public static Volume readHdf5(Path file, String dataset) {
		throw new UnsupportedOperationException("VolumeIO.readHdf5 is being implemented");
	}

	/** The names of the datasets at the root of an HDF5 file. */
	public static java.util.List<String> hdf5Datasets(Path file) {
		throw new UnsupportedOperationException("VolumeIO.hdf5Datasets is being implemented");
	}

	/** Writes a volume; the format follows from the file name; atomic (temporary file, then rename). */
	public static void write(Volume volume, Path file, VoxelType type) {
		throw new UnsupportedOperationException("VolumeIO.write is being implemented");
	}
}
