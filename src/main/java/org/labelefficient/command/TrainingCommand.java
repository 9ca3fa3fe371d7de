package org.labelefficient.command;

import java.io.IOException;
import java.util.function.Supplier;

import org.labelefficient.cli.Options;
import org.labelefficient.cli.TrainingOptions;
import org.labelefficient.io.BadInputException;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;
import org.labelefficient.ui.TrainingWindow;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

/**
 * What the training commands share: they describe the run as command-line options; this runs it with progress in the
 * status bar and the log and, when a person is at the screen, a {@link TrainingWindow} with live curves and Finish
 * now / Cancel buttons. Bad input becomes one sentence that cancels the command.
 */
abstract class TrainingCommand extends ContextCommand {

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter(required = false)
	private UIService ui;

	/** Trains as {@code options} says (built inside, so that their errors cancel the command too). */
	protected void train(Supplier<Options> options) {
		TrainingWindow window = null;
		try {
			TrainingRequest request = TrainingOptions.request(options.get());
			TrainingControl control = new TrainingControl();
			TrainingListener listener = new FijiProgress(log, status, 20);
			if (ui != null && !ui.isHeadless()) {
				window = TrainingWindow.open("Training " + request.output().getFileName(), control);
				listener = listener.and(window);
			}
			String summary = summary(TrainingRunner.run(request, listener, control));
			log.info(summary);
			if (window != null) window.finished(summary);
		}
		catch (BadInputException e) {
			stopped(window, e.getMessage());
		}
		catch (IOException e) {
			stopped(window, "Training could not write its files: " + e.getMessage());
		}
	}

	/** One line on how the run ended and where the model is. */
	static String summary(TrainingResult r) {
		String dice = Double.isNaN(r.bestDice()) ? "" : String.format("; best validation Dice %.4f at iteration %d", r
			.bestDice(), r.bestIteration());
		return (r.cancelled() ? "Cancelled at iteration " : "Trained to iteration ") + r.iterationsDone() + dice
			+ "; model in " + r.model();
	}

	private void stopped(TrainingWindow window, String message) {
		if (window != null) window.finished("Stopped: " + message);
		cancel(message);
	}
}
