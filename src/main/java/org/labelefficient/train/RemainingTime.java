package org.labelefficient.train;

import java.util.List;

import org.labelefficient.method.MethodGraph;

/**
 * Estimates seconds per iteration and time left from an exponential moving average of iteration durations, so that
 * the estimate follows changes (validation pauses, a busy machine) without jumping. Durations are averaged per unit
 * of each phase's declared cost ({@link MethodGraph.Phase#cost()}), so that the time left during a cheap first phase
 * (ACTION's stage i, Reciprocal Learning's pre-training) counts the costlier phases still to come.
 */
public final class RemainingTime {

	private static final double SMOOTHING = 0.1;
	/** The first iteration of each phase, ascending from 0. */
	private final int[] starts;
	private final double[] costs;
	private double secondsPerCost = Double.NaN;
	private int lastIteration;

	private RemainingTime(int[] starts, double[] costs) {
		this.starts = starts;
		this.costs = costs;
	}

	/** For a run of {@code iterations} iterations through {@code phases}, as the loop picks them by progress. */
	public static RemainingTime of(List<MethodGraph.Phase> phases, int iterations) {
		int[] starts = new int[phases.size()];
		double[] costs = new double[phases.size()];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = phases.get(i).firstIteration(iterations);
			costs[i] = phases.get(i).cost();
		}
		return new RemainingTime(starts, costs);
	}

	/** Records the duration of iteration {@code iteration} (0-based). */
	public void record(int iteration, double seconds) {
		double perCost = seconds / costAt(iteration);
		secondsPerCost = Double.isNaN(secondsPerCost) ? perCost : secondsPerCost + SMOOTHING * (perCost
			- secondsPerCost);
		lastIteration = iteration;
	}

	/** Smoothed seconds per iteration of the phase of the last recorded iteration (NaN before the first record). */
	public double secondsPerIteration() {
		return secondsPerCost * costAt(lastIteration);
	}

	/** Estimated seconds for the iterations from {@code from} (0-based) up to, not including, {@code to}. */
	public double secondsLeft(int from, int to) {
		double cost = 0;
		for (int i = 0; i < starts.length; i++) {
			int end = i + 1 < starts.length ? starts[i + 1] : Integer.MAX_VALUE;
			cost += costs[i] * Math.max(0, Math.min(end, to) - Math.max(starts[i], from));
		}
		return secondsPerCost * cost;
	}

	private double costAt(int iteration) {
		int i = starts.length - 1;
		while (i > 0 && starts[i] > iteration)
			i--;
		return costs[i];
	}

	/** Formats seconds as {@code h:mm:ss} or {@code m:ss}. */
	public static String format(double seconds) {
		if (Double.isNaN(seconds)) return "?";
		long s = Math.round(seconds);
		return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s
			/ 60, s % 60);
	}
}
