package org.labelefficient.command;

import java.io.IOException;
import java.util.function.Supplier;

import org.labelefficient.cli.Options;
import org.labelefficient.io.BadInputException;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * What the training commands share: they describe the run as command-line options; this runs it with progress in the
 * status bar and the log, and turns bad input into one sentence that cancels the command.
 */
abstract class TrainingCommand extends ContextCommand {

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	/** Trains as {@code options} says (built inside, so that their errors cancel the command too). */
	protected void train(Supplier<Options> options) {
		try {
			log.info(FijiProgress.train(options.get(), log, status));
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
		catch (IOException e) {
			cancel("Training could not write its files: " + e.getMessage());
		}
	}
}
