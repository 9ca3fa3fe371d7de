package org.labelefficient.metrics;

import java.util.Arrays;

/** Percentiles with linear interpolation between order statistics, as {@code numpy.percentile}'s default. */
public final class Percentile {

	private Percentile() {}

	/**
	 * The {@code percent}-th percentile (0..100) of {@code values}: with the values sorted as a[0..n-1] and rank
	 * r = percent/100 * (n-1), the result is a[floor(r)] + (r - floor(r)) * (a[ceil(r)] - a[floor(r)]).
	 *
	 * @throws IllegalArgumentException when {@code values} is empty or {@code percent} is outside 0..100
	 */
	public static double linear(double[] values, double percent) {
		if (values.length == 0) throw new IllegalArgumentException("Percentile of no values");
		if (!(percent >= 0 && percent <= 100))
			throw new IllegalArgumentException("Percent must lie in 0..100, got " + percent);
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double rank = percent / 100 * (sorted.length - 1);
		int lo = (int) Math.floor(rank), hi = (int) Math.ceil(rank);
		return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
	}
}
