package org.labelefficient.train;

import java.util.Map;

/** Receives training progress; all methods have empty defaults. Called on the training thread. */
public interface TrainingListener {

	/** Progress after one iteration (1-based {@code iteration}). */
	record Progress(int iteration, int total, double loss, Map<String, Double> terms, double learningRate,
		double secondsPerIteration, double secondsLeft) {}

	/** A message for the log. */
	default void log(String message) {}

	/** After every iteration. */
	default void iteration(Progress progress) {}

	/** After a validation; {@code best} tells whether this is the best so far. */
	default void validated(int iteration, double meanDice, boolean best) {}

	/** A listener that passes every call to this one, then to {@code other}. */
	default TrainingListener and(TrainingListener other) {
		TrainingListener first = this;
		return new TrainingListener() {

			@Override
			public void log(String message) {
				first.log(message);
				other.log(message);
			}

			@Override
			public void iteration(Progress progress) {
				first.iteration(progress);
				other.iteration(progress);
			}

			@Override
			public void validated(int iteration, double meanDice, boolean best) {
				first.validated(iteration, meanDice, best);
				other.validated(iteration, meanDice, best);
			}
		};
	}
}
