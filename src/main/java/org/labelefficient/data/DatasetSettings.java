package org.labelefficient.data;

import java.nio.file.Path;
import java.util.List;

import org.labelefficient.setting.Setting;

/**
 * The declarations of how a training dataset is read: unlabelled value, labelled patients, classes, validation split,
 * patient lists, normalisation, padding and the background implied by scribbles. They live beside the code that reads
 * data, so its messages name the declared keys.
 */
public final class DatasetSettings {

	public static final Setting<Integer> UNLABELLED_VALUE = Setting.integer("unlabelled_value", 255,
		"scribble value of unannotated pixels (ACDC: 4)");
	public static final Setting<Integer> LABELLED_PATIENTS = Setting.integer("labelled_patients", -1,
		"keep the annotations of the first N patients of the training list; -1: all").atLeast(-1).except(0);
	public static final Setting<Integer> NUM_CLASSES = Setting.integer("num_classes", 0,
		"number of classes; 0: inferred from the dense labels, else the scribbles").atLeast(0).atMost(
			Annotations.MAX_CLASSES).except(1);
	public static final Setting<Double> VALIDATION_FRACTION = Setting.number("validation_fraction", 0.2,
		"share of densely labelled cases held out for validation when there is no validation list").atLeast(0).below(
			1);
	public static final Setting<String> TRAIN_LIST = Setting.text("train_list", "train_patients.txt",
		"training patient list inside the dataset folder");
	public static final Setting<String> VAL_LIST = Setting.text("val_list", "val_patients.txt",
		"validation patient list inside the dataset folder");
	public static final Setting<String> NORMALIZATION = Setting.choice("normalization", "zscore",
		"per-volume intensity normalisation, recorded in the model", List.of("zscore", "minmax", "none"));
	public static final Setting<Boolean> ALLOW_PADDING = Setting.flag("allow_padding", true,
		"pad slices smaller than the patch; false makes such a slice an error");

	public static final Setting<Integer> BACKGROUND_MARGIN = Setting.integer("background_margin", -1,
		"scribbles of one object per image (an organ): as many unannotated pixels as a slice has strokes, drawn "
			+ "from those more than this many pixels outside the box around its foreground strokes, become background; "
			+ "-1: off").atLeast(-1);

	public static final Setting<Path> UNLABELLED_IMAGES = Setting.path("unlabelled_images", null,
		"folder of further images to learn from as unlabelled cases").optional();

	/** Every dataset setting, in the order of help texts. */
	public static final List<Setting<?>> ALL = List.of(UNLABELLED_VALUE, LABELLED_PATIENTS, NUM_CLASSES,
		VALIDATION_FRACTION, TRAIN_LIST, VAL_LIST, NORMALIZATION, ALLOW_PADDING, BACKGROUND_MARGIN, UNLABELLED_IMAGES);

	private DatasetSettings() {}
}
