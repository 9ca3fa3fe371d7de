package org.labelefficient.request;

import java.nio.file.Path;
import java.util.List;

import org.labelefficient.data.BatchPlan.LabelKind;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Shard;
import org.labelefficient.io.BadInputException;
import org.labelefficient.method.Methods;
import org.labelefficient.setting.Setting;

/**
 * The declarations of the options of the commands beside {@code train} ({@code continue}, {@code predict},
 * {@code evaluate}, {@code info}, {@code demo}), shared by the command line, macros and the Fiji commands.
 */
public final class CommandSettings {

	/** A model folder to read. */
	public static final Setting<Path> MODEL = Setting.path("model", null, "model folder");
	public static final Setting<Path> PREDICT_INPUT = Setting.path("input", null,
		"image file, folder, glob pattern or .txt list of files to segment");
	public static final Setting<Path> PREDICT_OUTPUT = Setting.path("output", null,
		"label image file, or folder for the label images");
	public static final Setting<Path> PREDICTION = Setting.path("prediction", null, "label file or folder to evaluate");
	public static final Setting<Path> REFERENCE = Setting.path("reference", null, "reference label file or folder");
	public static final Setting<double[]> SPACING = Setting.numbers("spacing", null,
		"voxel spacing x,y,z (or x,y) for distances; default: the reference files' spacing").above(0).optional();
	public static final Setting<Integer> EVALUATE_CLASSES = Setting.integer("num_classes", 0,
		"number of classes; 0: from the files").atLeast(0);
	public static final Setting<Path> CSV = Setting.path("output", null, "CSV file for the metrics").optional();
	public static final Setting<Path> DEMO_OUTPUT = Setting.path("output", Path.of("demo-out"),
		"folder for the data, model, predictions and metrics");
	public static final Setting<String> DEMO_METHOD = Setting.choice("method", "scribsd", "scribble method to train",
		Methods.ids(LabelKind.SCRIBBLE));
	public static final Setting<Integer> DEMO_ITERATIONS = Setting.integer("iterations", 300, "training iterations")
		.atLeast(1);
	public static final Setting<Integer> DEMO_SIZE = Setting.integer("size", 96,
		"width and height of the generated volumes").atLeast(64);
	public static final Setting<Integer> DEMO_SEED = Setting.integer("seed", 1, "seed of data and training");

	public static final List<Setting<?>> PREDICT = List.of(MODEL, PREDICT_INPUT, PREDICT_OUTPUT,
		PredictionOptions.CHECKPOINT, PredictionOptions.PROBABILITIES, PredictionOptions.LARGEST_COMPONENT,
		PredictionOptions.TILE_OVERLAP, PredictionOptions.MIRROR, Shard.SETTING);
	public static final List<Setting<?>> EVALUATE = List.of(PREDICTION, REFERENCE, SPACING, EVALUATE_CLASSES, CSV);
	public static final List<Setting<?>> DEMO = List.of(DEMO_OUTPUT, DEMO_METHOD, DEMO_ITERATIONS, DEMO_SIZE,
		DEMO_SEED);

	private CommandSettings() {}

	/** Parsed spacings {@code x,y,z} or {@code x,y} (z then 1) as three; null stays null (the files' spacing). */
	public static double[] spacing(double[] s) {
		if (s == null) return null;
		if (s.length < 2 || s.length > 3) throw new BadInputException(SPACING.key() + " must be x,y,z (or x,y), got "
			+ SPACING.format(s));
		return s.length == 3 ? s : new double[] { s[0], s[1], 1 };
	}
}
