package org.labelefficient.data;

import org.labelefficient.io.Resample;

/**
 * One 2D training slice: normalised image and its annotations as bytes ({@link Annotations#UNLABELLED} where a voxel
 * has none), row-major {@code [height][width]}.
 *
 * @param dense dense labels, or null when the slice has none
 * @param scribble scribbles, or null when the slice has none
 */
public record TrainingSlice(String caseName, int z, int width, int height, float[] image, byte[] dense,
	byte[] scribble) {

	/** True when the slice has no annotation of either kind (it serves semi-supervised methods). */
	public boolean unlabelled() {
		return dense == null && scribble == null;
	}

	/**
	 * The whole slice resized to {@code size x size}: bilinear for the image, nearest neighbour for the annotations
	 * (whose unannotated pixels stay unannotated).
	 */
	public TrainingSlice resized(int size) {
		return new TrainingSlice(caseName, z, size, size, Resample.bilinear(image, width, height, 1, size, size),
			dense == null ? null : Resample.nearest(dense, width, height, size, size), scribble == null ? null
				: Resample.nearest(scribble, width, height, size, size));
	}
}
