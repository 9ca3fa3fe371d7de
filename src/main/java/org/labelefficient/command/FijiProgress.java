package org.labelefficient.command;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * The engine's output lines for Fiji commands: each line to the log; a training line ({@code iteration 40/2000 ...
 * ETA 3 min}) also to the status bar with the progress it names.
 */
final class FijiProgress implements Consumer<String> {

	private static final Pattern ITERATION = Pattern.compile("^iteration (\\d+)/(\\d+)");

	private final LogService log;
	private final StatusService status;

	FijiProgress(LogService log, StatusService status) {
		this.log = log;
		this.status = status;
	}

	@Override
	public void accept(String line) {
		Matcher m = ITERATION.matcher(line);
		if (m.find() && status != null) {
			status.showProgress(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
			status.showStatus(line);
		}
		log.info(line);
	}
}
