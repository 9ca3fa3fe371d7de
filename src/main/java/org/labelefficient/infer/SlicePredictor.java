package org.labelefficient.infer;

/**
 * A network that turns a batch of single-channel 2D tiles into per-pixel class probabilities. Tile sizes must be
 * multiples of {@link #sizeDivisor()}.
 */
public interface SlicePredictor {

	/** Number of classes K of the output. */
	int numClasses();

	/** Tile heights and widths must be multiples of this. */
	int sizeDivisor();

	/**
	 * Predicts {@code n} tiles of {@code height x width} pixels, laid out {@code [n, height, width]} row-major, and
	 * returns their probabilities laid out {@code [n, height, width, K]}.
	 */
	float[] predict(float[] tiles, int n, int height, int width);
}
