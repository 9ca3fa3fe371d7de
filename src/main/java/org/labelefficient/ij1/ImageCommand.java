package org.labelefficient.ij1;

import static org.labelefficient.data.DatasetSettings.UNLABELLED_VALUE;
import static org.labelefficient.infer.PredictionOptions.CHECKPOINT;
import static org.labelefficient.infer.PredictionOptions.LARGEST_COMPONENT;
import static org.labelefficient.infer.PredictionOptions.MIRROR;
import static org.labelefficient.infer.PredictionOptions.PROBABILITIES;
import static org.labelefficient.train.LoopSettings.ITERATIONS;
import static org.labelefficient.train.LoopSettings.PATCH_SIZE;
import static org.labelefficient.train.LoopSettings.SEED;
import static org.labelefficient.train.RequestSettings.METHOD;
import static org.labelefficient.train.RequestSettings.OUTPUT;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan.LabelKind;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.VoxelType;
import org.labelefficient.method.Methods;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.scribble.RoiScribbles;
import org.labelefficient.scribble.ScribbleGenerator;
import org.labelefficient.setting.Setting;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

/**
 * The ImageJ 1.x door of the commands on the open image ({@code arg}): {@code predict-image} (labels, overlay,
 * probability and uncertainty maps), {@code train-image} (the image and its scribble image), {@code roi-scribbles}
 * (the ROI Manager's strokes as a scribble image) and {@code generate-scribbles} (from a label image). Its dialog's
 * fields are named by the setting keys, so ImageJ's macro recorder records them and a macro replays them:
 * {@code run("LES Predict Current Image", "model=/models/m probabilities");}.
 */
public class ImageCommand implements PlugIn {

	/** The commands, the {@code arg} of each plugins.config entry. */
	public static final List<String> COMMANDS = List.of("predict-image", "train-image", "roi-scribbles",
		"generate-scribbles");

	/** The scribbles' dialog field: the title of an open image. */
	static final String SCRIBBLES = "scribbles";

	@Override
	public void run(String arg) {
		try {
			if (!COMMANDS.contains(arg)) throw new BadInputException("Unknown LES image command '" + arg
				+ "' in plugins.config; known: " + COMMANDS);
			ImagePlus image = WindowManager.getCurrentImage();
			if (image == null) throw new BadInputException("There is no image; open one first.");
			switch (arg) {
				case "predict-image" -> predict(image);
				case "train-image" -> train(image);
				case "roi-scribbles" -> roiScribbles(image);
				case "generate-scribbles" -> generateScribbles(image);
				default -> throw new IllegalStateException(arg);
			}
		}
		catch (BadInputException e) {
			fail(e.getMessage());
		}
	}

	private static void fail(String message) {
		IJ.log("Error: " + message);
		if (Interpreter.getInstance() != null) Interpreter.abort();
		else if (!GraphicsEnvironment.isHeadless()) IJ.error("Label-Efficient Segmentation", message);
	}

	private static GenericDialog dialog(String title) {
		return new GenericDialog("Label-Efficient Segmentation: " + title);
	}

	private static void predict(ImagePlus image) {
		GenericDialog gd = dialog("predict " + image.getTitle());
		gd.addDirectoryField(CommandSettings.MODEL.key(), "");
		gd.addChoice(CHECKPOINT.key(), CHECKPOINT.choices().toArray(String[]::new), CHECKPOINT.defaultValue());
		gd.addCheckbox(LARGEST_COMPONENT.key(), LARGEST_COMPONENT.defaultValue());
		gd.addCheckbox(MIRROR.key(), MIRROR.defaultValue());
		gd.addCheckbox("overlay", true);
		gd.addCheckbox(PROBABILITIES.key(), PROBABILITIES.defaultValue());
		gd.addCheckbox("uncertainty", false);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		Map<String, String> options = new LinkedHashMap<>();
		options.put(CommandSettings.MODEL.key(), gd.getNextString());
		options.put(CHECKPOINT.key(), gd.getNextChoice());
		options.put(LARGEST_COMPONENT.key(), Boolean.toString(gd.getNextBoolean()));
		options.put(MIRROR.key(), Boolean.toString(gd.getNextBoolean()));
		boolean overlay = gd.getNextBoolean(), probabilities = gd.getNextBoolean(), uncertainty = gd.getNextBoolean();
		CurrentImage.Predicted p = CurrentImage.predict(image, options, overlay, probabilities, uncertainty, IJ::log);
		p.labels().show();
		if (p.probabilities() != null) p.probabilities().show();
		if (p.uncertainty() != null) p.uncertainty().show();
	}

	private static void train(ImagePlus image) {
		String[] titles = Arrays.stream(WindowManager.getImageTitles()).filter(t -> !t.equals(image.getTitle())).toArray(
			String[]::new);
		if (titles.length == 0) throw new BadInputException(
			"Open the scribble image of " + image.getTitle() + " too (Scribbles from ROI Manager makes one).");
		String guess = Arrays.stream(titles).filter(t -> t.startsWith(image.getShortTitle() + "-scribbles")).findFirst()
			.orElse(titles[0]);
		List<String> methods = Methods.ids(LabelKind.SCRIBBLE);
		GenericDialog gd = dialog("train on " + image.getTitle());
		gd.addChoice(SCRIBBLES, titles, guess);
		gd.addChoice(METHOD.key(), methods.toArray(String[]::new), methods.contains("scribsd") ? "scribsd" : methods.get(
			0));
		gd.addDirectoryField(OUTPUT.key(), "");
		gd.addNumericField(ITERATIONS.key(), 500, 0);
		gd.addNumericField(PATCH_SIZE.key(), PATCH_SIZE.defaultValue()[0], 0);
		gd.addNumericField(UNLABELLED_VALUE.key(), UNLABELLED_VALUE.defaultValue(), 0);
		gd.addNumericField(SEED.key(), SEED.defaultValue(), 0);
		gd.addStringField(CurrentImage.METHOD_SETTINGS, "", 30);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		ImagePlus scribbles = WindowManager.getImage(gd.getNextChoice());
		Map<Setting<?>, Object> options = new LinkedHashMap<>();
		options.put(METHOD, gd.getNextChoice());
		options.put(OUTPUT, Path.of(gd.getNextString()));
		options.put(ITERATIONS, (int) gd.getNextNumber());
		options.put(PATCH_SIZE, (int) gd.getNextNumber());
		int unlabelled = (int) gd.getNextNumber();
		options.put(UNLABELLED_VALUE, unlabelled);
		options.put(SEED, (int) gd.getNextNumber());
		String error = CurrentImage.train(image, scribbles, unlabelled, options, gd.getNextString(), IJ.getInstance()
			!= null && !GraphicsEnvironment.isHeadless(), IJ::log);
		if (error != null) throw new BadInputException(error);
	}

	private static void roiScribbles(ImagePlus image) {
		GenericDialog gd = dialog("scribbles from the ROI Manager");
		gd.addNumericField(UNLABELLED_VALUE.key(), UNLABELLED_VALUE.defaultValue(), 0);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		int unlabelled = (int) gd.getNextNumber();
		RoiManager manager = RoiManager.getInstance();
		if (manager == null || manager.getCount() == 0) throw new BadInputException(
			"The ROI Manager is empty; draw scribbles as line or freehand ROIs and add them (press t) first.");
		ImageJFormats.toImagePlus(RoiScribbles.fromRois(Arrays.asList(manager.getRoisAsArray()), image.getWidth(), image
			.getHeight(), image.getStackSize(), unlabelled), image.getShortTitle() + "-scribbles", VoxelType.holding(
				unlabelled)).show();
	}

	private static void generateScribbles(ImagePlus labels) {
		GenericDialog gd = dialog("scribbles from " + labels.getTitle());
		gd.addNumericField("coverage", ScribbleGenerator.Settings.DEFAULT_COVERAGE, 3);
		gd.addNumericField("margin", ScribbleGenerator.Settings.DEFAULT_MARGIN, 0);
		gd.addChoice(ScribbleGenerator.MODE.key(), new String[] { ScribbleGenerator.SLICES, ScribbleGenerator.VOLUME },
			ScribbleGenerator.MODE.defaultValue());
		gd.addNumericField(SEED.key(), 1, 0);
		gd.addNumericField(UNLABELLED_VALUE.key(), UNLABELLED_VALUE.defaultValue(), 0);
		gd.showDialog();
		if (gd.wasCanceled()) return;
		double coverage = gd.getNextNumber();
		int margin = (int) gd.getNextNumber();
		String mode = ScribbleGenerator.MODE.parse(gd.getNextChoice());
		var settings = new ScribbleGenerator.Settings(coverage, margin, ScribbleGenerator.Settings
			.DEFAULT_BACKGROUND_BAND, (long) gd.getNextNumber(), mode);
		int unlabelled = (int) gd.getNextNumber();
		ImageJFormats.toImagePlus(new ScribbleGenerator(settings).generate(ImageJFormats.fromImagePlus(labels),
			unlabelled), labels.getShortTitle() + "-scribbles", VoxelType.holding(unlabelled)).show();
	}
}
