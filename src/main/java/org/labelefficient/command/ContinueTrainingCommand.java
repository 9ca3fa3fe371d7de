package org.labelefficient.command;

import java.io.File;
import java.util.Map;

import org.labelefficient.request.CommandSettings;
import org.labelefficient.train.LoopSettings;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Trains a model further from its checkpoint, with the settings recorded in the model, to a new total. */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Continue Training")
public class ContinueTrainingCommand extends TrainingCommand {

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter(label = "New total of iterations")
	private int iterations;

	@Override
	public void run() {
		run("continue", () -> Map.of(CommandSettings.MODEL.key(), model.toString(), LoopSettings.ITERATIONS.key(), Integer
			.toString(iterations)));
	}
}
