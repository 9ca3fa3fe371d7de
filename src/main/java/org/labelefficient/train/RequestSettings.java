package org.labelefficient.train;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.labelefficient.data.DatasetSettings;
import org.labelefficient.method.Methods;
import org.labelefficient.method.WarmStart;
import org.labelefficient.setting.Setting;

/**
 * The declarations of a training request's own settings: the dataset folder, the method, the model folder, resuming;
 * with how the dataset is read ({@link DatasetSettings}), the loop's ({@link LoopSettings}) and the method's settings
 * they are everything {@code train} accepts.
 */
public final class RequestSettings {

	public static final Setting<Path> DATASET = Setting.path("dataset", null,
		"dataset folder: images/ with labels/ or scribbles/, or an HDF5 dataset with volumes/");
	public static final Setting<String> METHOD = Setting.choice("method", null, "training method", Methods.ids());
	public static final Setting<Path> OUTPUT = Setting.path("output", null,
		"model folder to create (refused if it holds a model, unless resume=true)");
	public static final Setting<Boolean> RESUME = Setting.flag("resume", false,
		"continue from the model folder's checkpoint");

	/** Every request setting, in the order of help texts: the run's own, then how the dataset is read. */
	public static final List<Setting<?>> ALL = Stream.concat(Stream.of(DATASET, METHOD, OUTPUT, RESUME,
		WarmStart.INIT_MODEL), DatasetSettings.ALL.stream()).toList();

	/**
	 * What {@code model.json} records under {@code training} beside the loop settings: all but the method (recorded
	 * on its own), the model folder (where the file is) and {@code resume} (a property of one run).
	 */
	public static final List<Setting<?>> RECORDED = ALL.stream().filter(s -> s != METHOD && s != OUTPUT
		&& s != RESUME).toList();

	private RequestSettings() {}
}
