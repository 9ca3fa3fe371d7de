package org.labelefficient.command;

import static org.labelefficient.data.DatasetSettings.*;
import static org.labelefficient.train.LoopSettings.*;
import static org.labelefficient.train.RequestSettings.*;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan.LabelKind;
import org.labelefficient.method.Methods;
import org.labelefficient.setting.Setting;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Trains a model on a dataset folder (images with scribbles or labels), with the same keys as the command line; the
 * status bar shows progress and time left, the log the losses and validation Dice. Bad input cancels the command
 * with one sentence before training starts.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Train from Scribbles")
public class TrainFromScribblesCommand extends TrainingCommand {

	@Parameter(label = "Dataset folder", style = "directory")
	private File dataset;

	@Parameter(label = "Method", initializer = "methods")
	private String method = "scribsd";

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations")
	private int iterations = ITERATIONS.defaultValue();

	@Parameter(label = "Batch size")
	private int batch_size = BATCH_SIZE.defaultValue();

	@Parameter(label = "Patch size (multiple of 16)")
	private int patch_size = PATCH_SIZE.defaultValue()[0];

	@Parameter(label = "Network dimensions (2: slice by slice; 3: a 3D U-Net on volumes)", min = "2", max = "3")
	private int dimensions = DIMENSIONS.defaultValue();

	@Parameter(label = "Context (crop: random patches; slice: whole slices resized)")
	private String sampling = SAMPLING.defaultValue();

	@Parameter(label = "Seed")
	private int seed = SEED.defaultValue();

	@Parameter(label = "Unlabelled value of the scribbles")
	private int unlabelled_value = UNLABELLED_VALUE.defaultValue();

	@Parameter(label = "Background beyond the foreground strokes' box (pixels; -1: off; one object per image)",
		min = "-1")
	private int background_margin = BACKGROUND_MARGIN.defaultValue();

	@Parameter(label = "Validation interval")
	private int validation_interval = VALIDATION_INTERVAL.defaultValue();

	/** Scribble methods first, then those for dense labels. */
	private void methods() {
		List<String> ids = new ArrayList<>(Methods.ids(LabelKind.SCRIBBLE));
		ids.addAll(Methods.ids(LabelKind.DENSE));
		offerMethods(ids);
	}

	@Override
	public void run() {
		train(() -> {
			Map<Setting<?>, Object> options = new LinkedHashMap<>(Map.<Setting<?>, Object> of(
				DATASET, dataset, METHOD, method, OUTPUT, output, ITERATIONS, iterations,
				BATCH_SIZE, batch_size, PATCH_SIZE, patch_size, SEED, seed, UNLABELLED_VALUE, unlabelled_value,
				VALIDATION_INTERVAL, validation_interval));
			options.put(SAMPLING, sampling);
			options.put(DIMENSIONS, dimensions);
			options.put(BACKGROUND_MARGIN, background_margin);
			return options;
		});
	}
}
