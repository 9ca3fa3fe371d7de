package org.labelefficient.metrics;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.io.Volume;

/**
 * Computes Dice, Jaccard, HD95, ASD and ASSD per foreground class between a predicted and a reference label volume,
 * with medpy's definitions (see {@link SurfaceDistances}). A volume of depth 1 is measured in 2D.
 * <p>
 * Distances are scaled by the spacing given to the constructor, or else by the reference volume's spacing; use
 * {@link #inVoxels()} for voxel units, as the ACTION and Reciprocal Learning evaluation scripts do.
 * <p>
 * Empty classes: when the class is absent from both volumes, dice = jaccard = 1 and hd95 = asd = assd = 0. When it
 * is absent from exactly one of them, dice = jaccard = 0 and the distances are {@code NaN}: undefined, left out of
 * means and counted apart by {@link MetricsTable}. (The WSL4MIS-style scripts write 0 instead, which would give an
 * empty prediction a perfect distance score.)
 */
public final class MetricCalculator {

	private final double[] spacing;

	/** Uses the reference volume's spacing. */
	public MetricCalculator() {
		this.spacing = null;
	}

	/** Uses {@code spacing} {x, y, z} for every volume. */
	public MetricCalculator(double[] spacing) {
		if (spacing.length != 3) throw new IllegalArgumentException("Spacing needs 3 values (x, y, z)");
		this.spacing = spacing.clone();
	}

	/** Measures distances in voxels (spacing 1, 1, 1). */
	public static MetricCalculator inVoxels() {
		return new MetricCalculator(new double[] { 1, 1, 1 });
	}

	/**
	 * Metrics of one case: of classes 1..numClasses-1, or, when {@code numClasses <= 0} (unknown), of every label
	 * value above 0 present in either volume.
	 */
	public CaseMetrics measure(String name, Volume prediction, Volume reference, int numClasses) {
		return new CaseMetrics(name, numClasses > 0 ? perClass(prediction, reference, numClasses)
			: presentLabels(prediction, reference));
	}

	/**
	 * Metrics of classes 1..numClasses-1, by increasing label.
	 *
	 * @throws IllegalArgumentException when the volumes differ in size
	 */
	public List<ClassMetrics> perClass(Volume prediction, Volume reference, int numClasses) {
		LabelOverlap overlap = LabelOverlap.count(prediction, reference, numClasses);
		List<ClassMetrics> result = new ArrayList<>();
		for (int label = 1; label < numClasses; label++)
			result.add(measure(label, overlap, prediction, reference));
		return result;
	}

	/** Metrics of every label value above 0 present in either volume, by increasing label. */
	public List<ClassMetrics> presentLabels(Volume prediction, Volume reference) {
		LabelOverlap overlap = LabelOverlap.count(prediction, reference, LabelOverlap.maxLabel(prediction,
			reference) + 1);
		List<ClassMetrics> result = new ArrayList<>();
		for (int label = 1; label < overlap.numLabels(); label++)
			if (overlap.predicted(label) + overlap.reference(label) > 0)
				result.add(measure(label, overlap, prediction, reference));
		return result;
	}

	private ClassMetrics measure(int label, LabelOverlap overlap, Volume prediction, Volume reference) {
		boolean p = overlap.predicted(label) > 0, r = overlap.reference(label) > 0;
		if (!p && !r) return new ClassMetrics(label, 1, 1, 0, 0, 0);
		if (!p || !r) return new ClassMetrics(label, 0, 0, Double.NaN, Double.NaN, Double.NaN);
		SurfaceDistances s = SurfaceDistances.between(Mask.of(prediction, label), Mask.of(reference, label),
			spacing != null ? spacing : reference.spacing());
		return new ClassMetrics(label, overlap.dice(label), overlap.jaccard(label), s.hd95(), s.asd(), s.assd());
	}
}
