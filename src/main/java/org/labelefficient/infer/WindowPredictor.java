package org.labelefficient.infer;

/**
 * A 3D network that turns a batch of single-channel windows into per-voxel class probabilities. Window sizes along
 * {@code z, y, x} must be multiples of {@link #divisors()}.
 */
public interface WindowPredictor {

	/** Number of classes K of the output. */
	int numClasses();

	/** Window depths, heights and widths must be multiples of these ({@code z, y, x}). */
	int[] divisors();

	/**
	 * Predicts {@code n} windows of {@code depth x height x width} voxels, laid out {@code [n, depth, height, width]}
	 * row-major, and returns their probabilities laid out {@code [n, depth, height, width, K]}.
	 */
	float[] predict(float[] windows, int n, int depth, int height, int width);
}
