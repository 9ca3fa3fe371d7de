package org.labelefficient.request;

import java.io.IOException;

import org.labelefficient.io.BadInputException;
import org.labelefficient.train.TrainingFailedException;

/**
 * How every door reports a run that did not finish: one sentence, and whether the input was at fault, the training
 * failed (the loss stopped being finite; the last checkpoint is kept) or something else went wrong. The command line
 * turns the kind into its exit status, a macro aborts, a Fiji command cancels with the sentence.
 */
public record Failure(Kind kind, String message) {

	/** What went wrong, by who can fix it. */
	public enum Kind {
		/** A file or option is wrong: the user fixes the input. */
		BAD_INPUT,
		/** Training started but could not go on. */
		TRAINING_FAILED,
		/** Files could not be written, or an unexpected error. */
		OTHER
	}

	/** The failure that {@code e} stands for. */
	public static Failure of(Exception e) {
		String message = e.getMessage() == null ? e.toString() : e.getMessage();
		if (e instanceof BadInputException) return new Failure(Kind.BAD_INPUT, message);
		if (e instanceof TrainingFailedException) return new Failure(Kind.TRAINING_FAILED, message);
		if (e instanceof IOException) return new Failure(Kind.OTHER, "Could not read or write a file: " + message);
		return new Failure(Kind.OTHER, message);
	}

	/** The line shown in a log or on the console. */
	public String line() {
		return "Error: " + message;
	}
}
