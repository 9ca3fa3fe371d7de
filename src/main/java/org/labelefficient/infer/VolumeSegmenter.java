package org.labelefficient.infer;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.io.Sampling;
import org.labelefficient.io.Volume;

/**
 * Segments a normalised 2D image or 3D volume slice by slice with a {@link SliceInference}; the label of a pixel is
 * the class of highest probability.
 */
public final class VolumeSegmenter {

	private final SliceInference tiles;
	private final int numClasses;

	/**
	 * A segmenter predicting as a model trained with {@code sampling} on patches of {@code patchSize}; tiles overlap
	 * by {@code overlap}.
	 */
	public VolumeSegmenter(SlicePredictor network, Sampling sampling, int patchSize, double overlap) {
		this.tiles = SliceInference.of(sampling, network, patchSize, overlap);
		this.numClasses = network.numClasses();
	}

	/** Labels and, if {@code withProbabilities}, the per-class probability volumes. */
	public Segmentation segment(Volume image, boolean withProbabilities) {
		int w = image.width(), h = image.height(), n = image.sliceSize();
		Volume labels = Volume.zeros(w, h, image.depth(), image.spacing());
		List<Volume> probabilities = new ArrayList<>();
		if (withProbabilities) for (int c = 0; c < numClasses; c++)
			probabilities.add(Volume.zeros(w, h, image.depth(), image.spacing()));
		float[] slice = new float[n];
		for (int z = 0; z < image.depth(); z++) {
			System.arraycopy(image.data(), z * n, slice, 0, n);
			float[] p = tiles.probabilities(slice, w, h);
			for (int i = 0; i < n; i++) {
				labels.data()[z * n + i] = argmax(p, i * numClasses, numClasses);
				for (int c = 0; c < probabilities.size(); c++)
					probabilities.get(c).data()[z * n + i] = p[i * numClasses + c];
			}
		}
		return new Segmentation(labels, probabilities);
	}

	private static int argmax(float[] p, int offset, int k) {
		int best = 0;
		for (int c = 1; c < k; c++)
			if (p[offset + c] > p[offset + best]) best = c;
		return best;
	}
}
