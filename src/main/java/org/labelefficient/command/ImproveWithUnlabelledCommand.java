package org.labelefficient.command;

import static org.labelefficient.data.DatasetSettings.UNLABELLED_IMAGES;
import static org.labelefficient.train.LoopSettings.ITERATIONS;
import static org.labelefficient.train.RequestSettings.METHOD;
import static org.labelefficient.train.RequestSettings.OUTPUT;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.method.Methods;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.setting.Setting;
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

	/** Not remembered between runs: a folder left from an earlier run would silently join the next one. */
	@Parameter(label = "Folder of unlabelled images (optional)", style = "directory", required = false,
		persist = false)
	private File unlabelled_images;

	@Parameter(label = "Method", initializer = "methods")
	private String method = "reciprocal";

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations")
	private int iterations = ITERATIONS.defaultValue();

	/** The methods that learn from unlabelled images. */
	private void methods() {
		offerMethods(Methods.semiSupervisedIds());
	}

	@Override
	public void run() {
		Map<Setting<?>, Object> given = new LinkedHashMap<>(Map.of(METHOD, method, OUTPUT, output, ITERATIONS,
			iterations));
		if (unlabelled_images != null && !unlabelled_images.getPath().isEmpty()) given.put(UNLABELLED_IMAGES,
			unlabelled_images);
		Map<String, String> options = new LinkedHashMap<>(Map.of(CommandSettings.MODEL.key(), model.toString()));
		options.putAll(Setting.asText(given));
		run("improve", () -> options);
	}
}
