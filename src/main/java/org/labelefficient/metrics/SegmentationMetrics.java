package org.labelefficient.metrics;

import org.labelefficient.io.Volume;

/** Overlap metrics between a predicted and a reference label volume. */
public final class SegmentationMetrics {

	private SegmentationMetrics() {}

	/**
	 * Mean Dice over the foreground classes 1..numClasses-1; a class absent from both volumes counts as 1.
	 *
	 * @throws IllegalArgumentException when the volumes differ in size
	 */
	public static double meanDice(Volume prediction, Volume reference, int numClasses) {
		if (!prediction.sameSize(reference))
			throw new IllegalArgumentException("Prediction " + prediction + " and reference " + reference
				+ " differ in size");
		long[] inter = new long[numClasses], p = new long[numClasses], r = new long[numClasses];
		float[] a = prediction.data(), b = reference.data();
		for (int i = 0; i < a.length; i++) {
			int pa = (int) a[i], rb = (int) b[i];
			if (pa > 0 && pa < numClasses) p[pa]++;
			if (rb > 0 && rb < numClasses) r[rb]++;
			if (pa == rb && pa > 0 && pa < numClasses) inter[pa]++;
		}
		double sum = 0;
		for (int c = 1; c < numClasses; c++)
			sum += p[c] + r[c] == 0 ? 1 : 2.0 * inter[c] / (p[c] + r[c]);
		return numClasses > 1 ? sum / (numClasses - 1) : 1;
	}
}
