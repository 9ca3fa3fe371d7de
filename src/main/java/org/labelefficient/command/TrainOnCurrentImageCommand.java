package org.labelefficient.command;

import static org.labelefficient.data.DatasetSettings.*;
import static org.labelefficient.train.LoopSettings.*;
import static org.labelefficient.train.RequestSettings.*;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.data.BatchPlan.LabelKind;
import org.labelefficient.ij1.CurrentImage;
import org.labelefficient.method.Methods;
import org.labelefficient.setting.Setting;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Trains a model on the open image (2D or stack) and its scribble image, e.g. from Scribbles from ROI Manager: the
 * Labkit-style loop of scribbling, training, predicting and adding scribbles where the uncertainty map is bright. The
 * two images become a one-case dataset in a temporary folder that is deleted afterwards ({@link CurrentImage}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Train on Current Image")
public class TrainOnCurrentImageCommand extends TrainingCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Scribbles (same size, one value per class)")
	private ImagePlus scribbles;

	@Parameter(label = "Method", initializer = "methods")
	private String method = "scribsd";

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations")
	private int iterations = 500;

	@Parameter(label = "Patch size (multiple of 16)")
	private int patch_size = PATCH_SIZE.defaultValue()[0];

	@Parameter(label = "Unlabelled value of the scribbles")
	private int unlabelled_value = UNLABELLED_VALUE.defaultValue();

	@Parameter(label = "Seed")
	private int seed = SEED.defaultValue();

	/** The scribble methods. */
	private void methods() {
		offerMethods(Methods.ids(LabelKind.SCRIBBLE));
	}

	@Override
	public void run() {
		Map<Setting<?>, Object> options = new LinkedHashMap<>();
		options.put(METHOD, method);
		options.put(OUTPUT, output);
		options.put(ITERATIONS, iterations);
		options.put(PATCH_SIZE, patch_size);
		options.put(SEED, seed);
		options.put(UNLABELLED_VALUE, unlabelled_value);
		String error = CurrentImage.train(image, scribbles, unlabelled_value, options, withMethodSettings(""),
			windowShown(), new FijiProgress(log(), status()));
		if (error != null) cancel(error);
	}
}
