package org.labelefficient.infer;

import java.util.List;

import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;

/**
 * How to predict: which saved network of the model folder ({@code best} or {@code latest}), whether to write the
 * probability maps, whether to keep only the largest connected component of each class, the tile overlap, and whether
 * to average over flipped inputs ({@link Mirroring}). The settings are declared here once, for the command line,
 * macros and the Fiji commands.
 */
public record PredictionOptions(String checkpoint, boolean probabilities, boolean largestComponent,
	double tileOverlap, boolean mirror) {

	public static final Setting<String> CHECKPOINT = Setting.choice("checkpoint", "best",
		"which saved network predicts: the best on validation or the latest", List.of("best", "latest"));
	public static final Setting<Boolean> PROBABILITIES = Setting.flag("probabilities", false,
		"also write <name>_prob<c> class probability maps and <name>_uncertainty");
	public static final Setting<Boolean> LARGEST_COMPONENT = Setting.flag("largest_component", false,
		"keep each class's largest connected component");
	public static final Setting<Double> TILE_OVERLAP = Setting.number("tile_overlap", 0.25,
		"overlap of the tiles that slices larger than the training patch are cut into").atLeast(0).atMost(0.9);
	public static final Setting<Boolean> MIRROR = Setting.flag("mirror", false,
		"average the probabilities over the input flipped along each axis (test-time mirroring; 4x the time in 2D, "
			+ "8x in 3D)");

	/** Every prediction setting. */
	public static final List<Setting<?>> ALL = List.of(CHECKPOINT, PROBABILITIES, LARGEST_COMPONENT, TILE_OVERLAP,
		MIRROR);

	/** Checks the values against the declarations. */
	public PredictionOptions {
		CHECKPOINT.check(checkpoint);
		TILE_OVERLAP.check(tileOverlap);
	}

	/** The options of checked {@code values} that hold the settings of {@link #ALL}. */
	public static PredictionOptions of(SettingValues values) {
		return new PredictionOptions(values.get(CHECKPOINT), values.get(PROBABILITIES), values.get(LARGEST_COMPONENT),
			values.get(TILE_OVERLAP), values.get(MIRROR));
	}

	/** The defaults: best network, labels only, no post-processing, overlap 0.25, no mirroring. */
	public static PredictionOptions defaults() {
		return new PredictionOptions(CHECKPOINT.defaultValue(), PROBABILITIES.defaultValue(), LARGEST_COMPONENT
			.defaultValue(), TILE_OVERLAP.defaultValue(), MIRROR.defaultValue());
	}

	/** These options with the probability maps on or off. */
	public PredictionOptions withProbabilities(boolean on) {
		return new PredictionOptions(checkpoint, on, largestComponent, tileOverlap, mirror);
	}
}
