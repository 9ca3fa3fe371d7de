package org.labelefficient.command;

import static org.labelefficient.data.DatasetSettings.UNLABELLED_IMAGES;
import static org.labelefficient.train.LoopSettings.ITERATIONS;
import static org.labelefficient.train.RequestSettings.METHOD;
import static org.labelefficient.train.RequestSettings.OUTPUT;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.io.BadInputException;
import org.labelefficient.method.Methods;
import org.labelefficient.model.ModelInfo;
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

	@Parameter(label = "Trained model folder", style = "directory", callback = "modelChosen")
	private File model;

	/** Not remembered between runs: a folder left from an earlier run would silently join the next one. */
	@Parameter(label = "Folder of unlabelled images (optional)", style = "directory", required = false,
		persist = false)
	private File unlabelled_images;

	/**
	 * {@code action} by default: on ACDC it improved the labelled-only 2D models of 3 and 7 labelled patients on
	 * every start, where {@code reciprocal} and {@code mean-teacher} did not (BENCHMARKS.md, acdc-semi).
	 */
	@Parameter(label = "Method", initializer = "methods")
	private String method = "action";

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations")
	private int iterations = ITERATIONS.defaultValue();

	/** The methods that learn from unlabelled images. */
	private void methods() {
		offerMethods(Methods.semiSupervisedIds());
	}

	/**
	 * A 3D model offers only the methods that train volumes (reciprocal in place of action, which is 2D only); a
	 * folder that is not a model yet changes nothing here, the run says what is wrong with it.
	 */
	private void modelChosen() {
		if (model == null || !new File(model, ModelInfo.FILE).isFile()) return;
		ModelInfo info;
		try {
			info = ModelInfo.read(model.toPath());
		}
		catch (BadInputException e) {
			return;
		}
		List<String> offered = Methods.semiSupervisedIds(info.dimensions());
		offerMethods(offered);
		if (!offered.contains(method)) method = offered.contains("reciprocal") ? "reciprocal" : offered.get(0);
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
