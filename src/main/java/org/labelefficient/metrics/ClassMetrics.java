package org.labelefficient.metrics;

/**
 * Metrics of one foreground class in one case. Distances are in the units of the spacing used (voxels when it is all
 * ones). See {@link MetricCalculator} for the values given when the class is absent from a volume: the distance
 * metrics are {@code NaN} (undefined) when exactly one of prediction and reference lacks the class.
 *
 * @param label the class label value
 * @param dice Dice coefficient
 * @param jaccard Jaccard index (intersection over union)
 * @param hd95 95th percentile Hausdorff distance (medpy {@code hd95})
 * @param asd average surface distance from prediction to reference (medpy {@code asd(prediction, reference)})
 * @param assd average symmetric surface distance (medpy {@code assd})
 */
public record ClassMetrics(int label, double dice, double jaccard, double hd95, double asd, double assd) {

	/** True when the distance metrics are defined (not {@code NaN}). */
	public boolean distancesDefined() {
		return !Double.isNaN(hd95);
	}
}
