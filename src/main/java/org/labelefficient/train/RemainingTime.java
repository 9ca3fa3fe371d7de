package org.labelefficient.train;

/**
 * Estimates seconds per iteration and time left from an exponential moving average of iteration durations, so that
 * the estimate follows changes (validation pauses, a busy machine) without jumping.
 */
public final class RemainingTime {

	private static final double SMOOTHING = 0.1;
	private double secondsPerIteration = Double.NaN;

	/** Records the duration of one iteration. */
	public void record(double seconds) {
		secondsPerIteration = Double.isNaN(secondsPerIteration) ? seconds : secondsPerIteration + SMOOTHING
			* (seconds - secondsPerIteration);
	}

	/** Smoothed seconds per iteration (NaN before the first record). */
	public double secondsPerIteration() {
		return secondsPerIteration;
	}

	/** Estimated seconds for {@code iterationsLeft} more iterations. */
	public double secondsLeft(int iterationsLeft) {
		return secondsPerIteration * iterationsLeft;
	}

	/** Formats seconds as {@code h:mm:ss} or {@code m:ss}. */
	public static String format(double seconds) {
		if (Double.isNaN(seconds)) return "?";
		long s = Math.round(seconds);
		return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s
			/ 60, s % 60);
	}
}
