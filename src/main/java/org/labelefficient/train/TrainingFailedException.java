package org.labelefficient.train;

/** Training stopped because it cannot go on (for example the loss became NaN); the last checkpoint is kept. */
public class TrainingFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TrainingFailedException(String message) {
		super(message);
	}
}
