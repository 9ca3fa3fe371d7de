package org.labelefficient.command;

import java.io.File;
import java.io.IOException;
import java.util.Map;

import org.labelefficient.cli.Options;
import org.labelefficient.io.BadInputException;
import org.labelefficient.train.ContinueRequest;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Trains a model further from its checkpoint, with the settings recorded in the model, to a new total. */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Continue Training")
public class ContinueTrainingCommand extends ContextCommand {

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter(label = "New total of iterations", min = "1")
	private int iterations;

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Override
	public void run() {
		try {
			Map<String, String> o = ContinueRequest.options(model.toPath(), iterations);
			Options options = new Options("continue", o.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.toList());
			log.info(FijiProgress.train(options, log, status));
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
		catch (IOException e) {
			cancel("Training could not write its files: " + e.getMessage());
		}
	}
}
