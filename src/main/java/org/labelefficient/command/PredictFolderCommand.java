package org.labelefficient.command;

import java.io.File;
import java.io.IOException;

import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.BadInputException;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Segments every image of a folder into label images of the same names in another folder. */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Predict Folder")
public class PredictFolderCommand extends ContextCommand {

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter(label = "Input folder", style = "directory")
	private File input;

	@Parameter(label = "Output folder", style = "directory")
	private File output;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try (ModelPredictor predictor = ModelPredictor.open(model.toPath(), PredictionOptions.defaults())) {
			int n = predictor.predictPath(input.toPath(), output.toPath(), log::info);
			log.info("Predicted " + n + " images into " + output);
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
		catch (IOException e) {
			cancel("Prediction could not write its files: " + e.getMessage());
		}
	}
}
