package org.labelefficient.infer;

import java.util.List;

import org.labelefficient.io.Volume;

/**
 * Per-voxel uncertainty of a segmentation: the entropy of the class probabilities divided by {@code log K}, from 0
 * (one class certain) to 1 (all classes equally likely). High values mark where a scribble helps most.
 */
public final class Uncertainty {

	private Uncertainty() {}

	/** The normalised entropy map of {@code probabilities} (one volume per class, same size). */
	public static Volume entropy(List<Volume> probabilities) {
		if (probabilities.size() < 2) throw new IllegalArgumentException("Entropy needs at least two classes");
		Volume first = probabilities.get(0);
		float[] out = new float[first.data().length];
		double norm = Math.log(probabilities.size());
		for (Volume p : probabilities) {
			float[] d = p.data();
			for (int i = 0; i < out.length; i++)
				if (d[i] > 0) out[i] -= (float) (d[i] * Math.log(d[i]) / norm);
		}
		return new Volume(out, first.width(), first.height(), first.depth(), first.spacing());
	}
}
