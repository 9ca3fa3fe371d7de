package org.labelefficient.command;

import static org.labelefficient.data.DatasetSettings.*;
import static org.labelefficient.train.LoopSettings.*;
import static org.labelefficient.train.RequestSettings.*;

import java.io.File;
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
 * Trains a model from a few labelled and many unlabelled images: a folder dataset whose images without a label file
 * are unlabelled, or an HDF5 dataset whose first {@code labelled_patients} patients keep their labels.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Train Semi-Supervised")
public class TrainSemiSupervisedCommand extends TrainingCommand {

	@Parameter(label = "Dataset folder", style = "directory")
	private File dataset;

	@Parameter(label = "Method", initializer = "methods")
	private String method = "reciprocal";

	@Parameter(label = "Labelled patients (-1: every labelled image)")
	private int labelled_patients = LABELLED_PATIENTS.defaultValue();

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations")
	private int iterations = ITERATIONS.defaultValue();

	@Parameter(label = "Batch size (half labelled, half unlabelled)", min = "2")
	private int batch_size = BATCH_SIZE.defaultValue();

	@Parameter(label = "Patch size (multiple of 16)")
	private int patch_size = PATCH_SIZE.defaultValue()[0];

	@Parameter(label = "Network dimensions (2: slice by slice; 3: a 3D U-Net on volumes)", min = "2", max = "3")
	private int dimensions = DIMENSIONS.defaultValue();

	@Parameter(label = "Context (crop: random patches; slice: whole slices resized)")
	private String sampling = SAMPLING.defaultValue();

	@Parameter(label = "Seed")
	private int seed = SEED.defaultValue();

	@Parameter(label = "Validation interval")
	private int validation_interval = VALIDATION_INTERVAL.defaultValue();

	/** The methods that learn from dense labels (and unlabelled images). */
	private void methods() {
		offerMethods(Methods.ids(LabelKind.DENSE));
	}

	@Override
	public void run() {
		train(() -> {
			Map<Setting<?>, Object> options = new LinkedHashMap<>(Map.<Setting<?>, Object> of(
				DATASET, dataset, METHOD, method, LABELLED_PATIENTS, labelled_patients,
				OUTPUT, output, ITERATIONS, iterations, BATCH_SIZE, batch_size, PATCH_SIZE, patch_size, SEED, seed,
				VALIDATION_INTERVAL, validation_interval));
			options.put(SAMPLING, sampling);
			options.put(DIMENSIONS, dimensions);
			return options;
		});
	}
}
