package org.labelefficient.command;

import org.labelefficient.train.RemainingTime;
import org.labelefficient.train.TrainingListener;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Training for Fiji commands: the status bar shows progress and time left, the log gets one line per interval and the
 * validation results.
 */
final class FijiProgress implements TrainingListener {

	private final LogService log;
	private final StatusService status;
	private final int logInterval;

	FijiProgress(LogService log, StatusService status, int logInterval) {
		this.log = log;
		this.status = status;
		this.logInterval = logInterval;
	}

	@Override
	public void iteration(Progress p) {
		String line = String.format("iteration %d/%d  loss %.4f  %.3f s/it  ETA %s", p.iteration(), p.total(), p.loss(), p
			.secondsPerIteration(), RemainingTime.format(p.secondsLeft()));
		status.showProgress(p.iteration(), p.total());
		status.showStatus(line);
		if (p.iteration() % logInterval == 0 || p.iteration() == p.total()) log.info(line);
	}

	@Override
	public void validated(int iteration, double meanDice, boolean best) {
		log.info(String.format("validation at iteration %d: mean Dice %.4f%s", iteration, meanDice, best
			? " (best so far)" : ""));
	}

	@Override
	public void log(String message) {
		log.info(message);
	}
}
