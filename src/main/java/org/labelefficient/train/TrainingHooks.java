package org.labelefficient.train;

/**
 * What a front end adds to a training run started through the command line door: a listener beside the console
 * output (a window with live curves) and the control its buttons stop the run with.
 */
public record TrainingHooks(TrainingListener listener, TrainingControl control) {

	/** Nothing added: the console alone, stopped only by Ctrl-C. */
	public static TrainingHooks none() {
		return new TrainingHooks(new TrainingListener() {}, new TrainingControl());
	}
}
