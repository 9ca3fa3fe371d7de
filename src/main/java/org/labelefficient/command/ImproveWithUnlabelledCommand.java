package org.labelefficient.command;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.cli.Options;
import org.labelefficient.train.ImproveRequest;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Improves a trained model with unlabelled images: a semi-supervised method starts from the model's weights and
 * trains a new model folder on the model's dataset plus a folder of unlabelled images; the new best model is never
 * below the one it started from, and the log says what the unlabelled images added.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Improve with Unlabelled Images")
public class ImproveWithUnlabelledCommand extends TrainingCommand {

	@Parameter(label = "Trained model folder", style = "directory")
	private File model;

	@Parameter(label = "Folder of unlabelled images (optional)", style = "directory", required = false)
	private File unlabelled_images;

	@Parameter(label = "Method", choices = { "reciprocal", "mean-teacher", "action" })
	private String method = "reciprocal";

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations", min = "1")
	private int iterations = 2000;

	@Override
	public void run() {
		Map<String, String> given = new LinkedHashMap<>();
		given.put("method", method);
		given.put("output", output.toString());
		given.put("iterations", Integer.toString(iterations));
		if (unlabelled_images != null && !unlabelled_images.getPath().isEmpty()) given.put("unlabelled_images",
			unlabelled_images.toString());
		train(() -> Options.of("improve", ImproveRequest.options(model.toPath(), given)));
	}
}
