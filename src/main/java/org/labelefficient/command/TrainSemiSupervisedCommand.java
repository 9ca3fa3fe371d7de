package org.labelefficient.command;

import java.io.File;
import java.util.List;

import org.labelefficient.cli.Options;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Trains a model from a few labelled and many unlabelled images: a folder dataset whose images without a label file
 * are unlabelled, or an HDF5 dataset whose first {@code labelled_patients} patients keep their labels.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Train Semi-Supervised")
public class TrainSemiSupervisedCommand extends TrainingCommand {

	@Parameter(label = "Dataset folder", style = "directory")
	private File dataset;

	@Parameter(label = "Method", choices = { "reciprocal", "action", "mean-teacher", "supervised" })
	private String method = "reciprocal";

	@Parameter(label = "Labelled patients (-1: every labelled image)", min = "-1")
	private int labelled_patients = -1;

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations", min = "1")
	private int iterations = 2000;

	@Parameter(label = "Batch size (half labelled, half unlabelled)", min = "2")
	private int batch_size = 8;

	@Parameter(label = "Patch size (multiple of 16)", min = "16")
	private int patch_size = 128;

	@Parameter(label = "Seed")
	private int seed = 1;

	@Parameter(label = "Validation interval", min = "1")
	private int validation_interval = 200;

	@Override
	public void run() {
		train(() -> new Options("train", List.of("dataset=" + dataset, "method=" + method, "labelled_patients="
			+ labelled_patients, "output=" + output, "iterations=" + iterations, "batch_size=" + batch_size,
			"patch_size=" + patch_size, "seed=" + seed, "validation_interval=" + validation_interval)));
	}
}
