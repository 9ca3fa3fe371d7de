package org.labelefficient.infer;

import org.labelefficient.io.Sampling;

/**
 * Turns one normalised 2D slice into per-pixel class probabilities at the slice's own size, the way the model was
 * trained ({@link Sampling}): overlapping tiles ({@link TiledPrediction}) or the whole slice resized
 * ({@link WholeSlicePrediction}).
 */
public interface SliceInference {

	/** Probabilities {@code [height, width, K]} of one slice given row-major as {@code [height, width]}. */
	float[] probabilities(float[] slice, int width, int height);

	/**
	 * The inference that matches training with {@code sampling} and training patches of {@code patchSize}; tiles
	 * overlap by {@code overlap}.
	 */
	static SliceInference of(Sampling sampling, SlicePredictor network, int patchSize, double overlap) {
		return sampling == Sampling.SLICE ? new WholeSlicePrediction(network, patchSize) : new TiledPrediction(
			network, patchSize, overlap);
	}
}
