package org.labelefficient.infer;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.io.Volume;

/**
 * Segments a normalised 3D volume with a 3D network by {@link SlidingWindow}: the label of a voxel is the class of
 * highest Gaussian-weighted probability; the outputs are those of the slice-wise {@link VolumeSegmenter}.
 */
public final class SlidingWindowSegmenter {

	private final SlidingWindow windows;
	private final int numClasses;

	/** A segmenter with windows of {@code window} ({@code z, y, x}) overlapping by {@code overlap}. */
	public SlidingWindowSegmenter(WindowPredictor network, int[] window, double overlap) {
		this.windows = new SlidingWindow(network, window, overlap);
		this.numClasses = network.numClasses();
	}

	/** Labels and, if {@code withProbabilities}, the per-class probability volumes. */
	public Segmentation segment(Volume image, boolean withProbabilities) {
		int w = image.width(), h = image.height(), d = image.depth();
		float[] p = windows.probabilities(image.data(), w, h, d);
		Volume labels = Volume.zeros(w, h, d, image.spacing());
		List<Volume> probabilities = new ArrayList<>();
		if (withProbabilities) for (int c = 0; c < numClasses; c++)
			probabilities.add(Volume.zeros(w, h, d, image.spacing()));
		for (int i = 0; i < labels.data().length; i++) {
			int best = 0;
			for (int c = 1; c < numClasses; c++)
				if (p[i * numClasses + c] > p[i * numClasses + best]) best = c;
			labels.data()[i] = best;
			for (int c = 0; c < probabilities.size(); c++)
				probabilities.get(c).data()[i] = p[i * numClasses + c];
		}
		return new Segmentation(labels, probabilities);
	}
}
