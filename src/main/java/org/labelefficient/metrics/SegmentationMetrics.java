package org.labelefficient.metrics;

import org.labelefficient.io.Volume;

/** Quick overlap summaries used during training; {@link MetricCalculator} gives the full per-class metrics. */
public final class SegmentationMetrics {

	private SegmentationMetrics() {}

	/**
	 * Mean Dice over the foreground classes 1..numClasses-1; a class absent from both volumes counts as 1.
	 *
	 * @throws IllegalArgumentException when the volumes differ in size
	 */
	public static double meanDice(Volume prediction, Volume reference, int numClasses) {
		LabelOverlap overlap = LabelOverlap.count(prediction, reference, numClasses);
		double sum = 0;
		for (int c = 1; c < numClasses; c++)
			sum += overlap.dice(c);
		return numClasses > 1 ? sum / (numClasses - 1) : 1;
	}
}
