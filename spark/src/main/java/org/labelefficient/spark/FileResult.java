package org.labelefficient.spark;

import java.io.Serializable;

/**
 * What an executor reports for one file: its name, a number (the largest label plus one when classes are counted),
 * the metrics rows of an evaluated case ({label, dice, jaccard, hd95, asd, assd} per class), or the failure line.
 */
record FileResult(String name, int value, double[][] rows, String error) implements Serializable {

	static FileResult ok(String name, int value, double[][] rows) {
		return new FileResult(name, value, rows, null);
	}

	/** A failure of the file {@code file}: one line that names it. */
	static FileResult failed(String name, String file, Exception e) {
		String message = e.getMessage() == null ? e.toString() : e.getMessage();
		return new FileResult(name, 0, null, message.contains(file) ? message : file + ": " + message);
	}

	boolean failed() {
		return error != null;
	}
}
