package org.labelefficient.train;

/**
 * Lets another thread (a Cancel or Finish button, a signal handler) stop a training run. Both requests end the run
 * after the current iteration with the best and latest models saved; they differ only in how the run is reported.
 */
public final class TrainingControl {

	private volatile boolean cancelled;
	private volatile boolean finishNow;

	/** Stops the run: the result is reported as cancelled. */
	public void cancel() {
		cancelled = true;
	}

	/** Ends training early, as if the budget had been reached. */
	public void finishNow() {
		finishNow = true;
	}

	public boolean isCancelled() {
		return cancelled;
	}

	/** True when the run should stop after the current iteration. */
	public boolean shouldStop() {
		return cancelled || finishNow;
	}
}
