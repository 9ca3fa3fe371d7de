package org.labelefficient.io;

import java.nio.file.Path;

/**
 * A problem with the user's input (file, folder or parameter) found before any work starts. The message is one
 * plain line that names the file (when there is one) and the problem, so that it can be shown as is in a dialog,
 * the ImageJ log or on the command line.
 */
public class BadInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** A problem not tied to a file, such as a bad parameter value. */
	public BadInputException(String problem) {
		super(problem);
	}

	/** A problem with the given file or folder. */
	public BadInputException(Path file, String problem) {
		super(file + ": " + problem);
	}

	/** A problem with the given file or folder, caused by a lower-level error. */
	public BadInputException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
	}
}
