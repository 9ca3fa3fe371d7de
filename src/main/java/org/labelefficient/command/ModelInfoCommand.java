package org.labelefficient.command;

import java.io.File;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.ModelInfo;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Logs a model's method, settings, classes, network and training history. */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Model Info")
public class ModelInfoCommand extends ContextCommand {

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			log.info(ModelInfo.read(model.toPath()).describe(model.toPath()));
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
	}
}
