package org.labelefficient.infer;

import org.labelefficient.io.Resample;

/**
 * Predicts a slice the way a model trained on whole slices saw them: the slice is resized (bilinear) to the network's
 * input size, predicted in one pass, and the class probabilities are resized back to the slice's size before the
 * labels are taken, so that boundaries keep sub-pixel information.
 */
public final class WholeSlicePrediction implements SliceInference {

	private final SlicePredictor network;
	private final int size;

	/** @param size the network input edge (the training patch size), rounded up to the size divisor */
	public WholeSlicePrediction(SlicePredictor network, int size) {
		this.network = network;
		this.size = TiledPrediction.roundUp(Math.max(size, 1), network.sizeDivisor());
	}

	@Override
	public float[] probabilities(float[] slice, int width, int height) {
		float[] input = Resample.bilinear(slice, width, height, 1, size, size);
		float[] probabilities = network.predict(input, 1, size, size);
		return Resample.bilinear(probabilities, size, size, network.numClasses(), width, height);
	}
}
