package org.labelefficient.train;

import static org.labelefficient.data.DatasetSettings.*;
import static org.labelefficient.train.RequestSettings.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.io.BadInputException;
import org.labelefficient.method.Methods;
import org.labelefficient.method.WarmStart;
import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;

/**
 * A training run as a user asks for it, checked before any data is read: where the data is and how to read it
 * ({@link RequestSettings}), the loop settings ({@link TrainingSettings}) and the method's settings. Every door (command
 * line, macro, Fiji command) builds it with {@link #of} from the same key-to-text map.
 *
 * @param values the request's own settings
 * @param methodSettings the method's settings, checked against its declarations
 */
public record TrainingRequest(SettingValues values, SettingValues methodSettings, TrainingSettings settings) {

	/**
	 * Parses and checks every setting of {@code options} (key to text): request, loop and the method's settings;
	 * unknown keys and wrong values are one sentence each.
	 */
	public static TrainingRequest of(Map<String, String> options) {
		String method = options.get(METHOD.key());
		if (method == null) throw new BadInputException("Missing option '" + METHOD.key() + "=' for train");
		List<Setting<?>> methodDeclarations = Methods.get(METHOD.parse(method)).settings();
		Map<String, String> own = new LinkedHashMap<>(), loop = new LinkedHashMap<>(), methods = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : options.entrySet()) {
			String k = e.getKey();
			Map<String, String> to = declares(RequestSettings.ALL, k) ? own : declares(LoopSettings.ALL, k) ? loop : declares(
				methodDeclarations, k) ? methods : null;
			if (to == null) throw new BadInputException("Unknown option " + k + " for train; known: " + String.join(
				", ", keys(method)));
			to.put(k, e.getValue());
		}
		return new TrainingRequest(new SettingValues(RequestSettings.ALL, own), new SettingValues(methodDeclarations, methods),
			TrainingSettings.of(loop));
	}

	/** Every key {@code train} accepts with method {@code method}: request, loop, then the method's settings. */
	public static List<String> keys(String method) {
		List<String> keys = new ArrayList<>();
		for (List<Setting<?>> l : List.of(RequestSettings.ALL, LoopSettings.ALL, Methods.get(METHOD.parse(method)).settings()))
			l.forEach(s -> keys.add(s.key()));
		return keys;
	}

	private static boolean declares(List<Setting<?>> settings, String key) {
		return settings.stream().anyMatch(s -> s.key().equals(key));
	}

	public Path dataset() {
		return values.get(DATASET);
	}

	public String method() {
		return values.get(METHOD);
	}

	public Path output() {
		return values.get(OUTPUT);
	}

	public int unlabelledValue() {
		return values.get(UNLABELLED_VALUE);
	}

	/** How many patients (or cases) of the training list keep their labels; -1 for all. */
	public int labelledPatients() {
		return values.get(LABELLED_PATIENTS);
	}

	/** Number of classes, 0 to take it from the data. */
	public int numClasses() {
		return values.get(NUM_CLASSES);
	}

	public double validationFraction() {
		return values.get(VALIDATION_FRACTION);
	}

	public String trainList() {
		return values.get(TRAIN_LIST);
	}

	public String validationList() {
		return values.get(VAL_LIST);
	}

	public String normalization() {
		return values.get(NORMALIZATION);
	}

	public boolean resume() {
		return values.get(RESUME);
	}

	/** The model folder whose weights the networks start from (a warm start), or {@code null}. */
	public Path initModel() {
		return values.get(WarmStart.INIT_MODEL);
	}

	/** A folder of further images to learn from as unlabelled cases, or {@code null}. */
	public Path unlabelledImages() {
		return values.get(UNLABELLED_IMAGES);
	}

	/** Scribbles: how far outside the box around a slice's foreground strokes the background starts; -1 for off. */
	public int backgroundMargin() {
		return values.get(BACKGROUND_MARGIN);
	}

	/** Whether slices smaller than the patch are padded (else they are an error). */
	public boolean allowPadding() {
		return values.get(ALLOW_PADDING);
	}
}
