package org.labelefficient.metrics;

import org.labelefficient.io.Volume;

/**
 * Voxel counts per label of a prediction and a reference label volume, and the overlap metrics made from them.
 * Labels are the integer parts of the voxel values; values outside 0..numLabels-1 are not counted.
 */
public final class LabelOverlap {

	private final long[] predicted, reference, intersection;

	private LabelOverlap(int numLabels) {
		predicted = new long[numLabels];
		reference = new long[numLabels];
		intersection = new long[numLabels];
	}

	/**
	 * Counts labels 0..numLabels-1 of two volumes in one pass.
	 *
	 * @throws IllegalArgumentException when the volumes differ in size
	 */
	public static LabelOverlap count(Volume prediction, Volume reference, int numLabels) {
		if (!prediction.sameSize(reference))
			throw new IllegalArgumentException("Prediction " + prediction + " and reference " + reference
				+ " differ in size");
		LabelOverlap o = new LabelOverlap(Math.max(numLabels, 0));
		float[] a = prediction.data(), b = reference.data();
		for (int i = 0; i < a.length; i++) {
			int p = (int) a[i], r = (int) b[i];
			boolean pIn = p >= 0 && p < numLabels, rIn = r >= 0 && r < numLabels;
			if (pIn) o.predicted[p]++;
			if (rIn) o.reference[r]++;
			if (pIn && p == r) o.intersection[p]++;
		}
		return o;
	}

	/** The largest label value (integer part) in either volume, or -1 when all values are negative. */
	public static int maxLabel(Volume prediction, Volume reference) {
		int max = -1;
		for (float v : prediction.data())
			max = Math.max(max, (int) v);
		for (float v : reference.data())
			max = Math.max(max, (int) v);
		return max;
	}

	/** Number of labels counted. */
	public int numLabels() {
		return predicted.length;
	}

	/** Voxels predicted as {@code label}. */
	public long predicted(int label) {
		return predicted[label];
	}

	/** Reference voxels of {@code label}. */
	public long reference(int label) {
		return reference[label];
	}

	/** Voxels that are {@code label} in both volumes. */
	public long intersection(int label) {
		return intersection[label];
	}

	/** Dice 2|P∩R| / (|P| + |R|); 1 when the label is absent from both volumes. */
	public double dice(int label) {
		long sum = predicted[label] + reference[label];
		return sum == 0 ? 1 : 2.0 * intersection[label] / sum;
	}

	/** Jaccard |P∩R| / |P∪R|; 1 when the label is absent from both volumes. */
	public double jaccard(int label) {
		long union = predicted[label] + reference[label] - intersection[label];
		return union == 0 ? 1 : (double) intersection[label] / union;
	}
}
