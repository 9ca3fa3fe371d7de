package org.labelefficient.command;

import java.io.File;
import java.util.List;

import org.labelefficient.cli.Options;
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

	@Parameter(label = "Method", choices = { "scribsd", "pce", "em", "dmpls", "supervised", "mean-teacher", "action",
		"reciprocal" })
	private String method = "scribsd";

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations", min = "1")
	private int iterations = 2000;

	@Parameter(label = "Batch size", min = "1")
	private int batch_size = 8;

	@Parameter(label = "Patch size (multiple of 16)", min = "16")
	private int patch_size = 128;

	@Parameter(label = "Seed")
	private int seed = 1;

	@Parameter(label = "Unlabelled value of the scribbles")
	private int unlabelled_value = 255;

	@Parameter(label = "Validation interval", min = "1")
	private int validation_interval = 200;

	@Override
	public void run() {
		train(() -> new Options("train", List.of("dataset=" + dataset, "method=" + method, "output=" + output,
			"iterations=" + iterations, "batch_size=" + batch_size, "patch_size=" + patch_size, "seed=" + seed,
			"unlabelled_value=" + unlabelled_value, "validation_interval=" + validation_interval)));
	}
}
