package org.labelefficient.train;

import java.nio.file.Path;
import java.util.List;

import org.labelefficient.data.Annotations;
import org.labelefficient.method.Methods;
import org.labelefficient.setting.Setting;

/**
 * The declarations of a training request's own settings: the dataset and how to read it, the method, the model
 * folder, resuming. With {@link LoopSettings} and the method's settings they are everything {@code train} accepts.
 */
public final class RequestSettings {

	public static final Setting<Path> DATASET = Setting.path("dataset", null,
		"dataset folder: images/ with labels/ or scribbles/, or an HDF5 dataset with volumes/");
	public static final Setting<String> METHOD = Setting.choice("method", null, "training method", Methods.ids());
	public static final Setting<Path> OUTPUT = Setting.path("output", null,
		"model folder to create (refused if it holds a model, unless resume=true)");
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
	public static final Setting<Boolean> RESUME = Setting.flag("resume", false,
		"continue from the model folder's checkpoint");
	public static final Setting<Boolean> ALLOW_PADDING = Setting.flag("allow_padding", true,
		"pad slices smaller than patch_size; false makes such a slice an error");

	/** Every request setting, in the order of help texts. */
	public static final List<Setting<?>> ALL = List.of(DATASET, METHOD, OUTPUT, UNLABELLED_VALUE, LABELLED_PATIENTS,
		NUM_CLASSES, VALIDATION_FRACTION, TRAIN_LIST, VAL_LIST, NORMALIZATION, RESUME, ALLOW_PADDING);

	/**
	 * What {@code model.json} records under {@code training} beside the loop settings: all but the method (recorded
	 * on its own), the model folder (where the file is) and {@code resume} (a property of one run).
	 */
	public static final List<Setting<?>> RECORDED = ALL.stream().filter(s -> s != METHOD && s != OUTPUT
		&& s != RESUME).toList();

	private RequestSettings() {}
}
