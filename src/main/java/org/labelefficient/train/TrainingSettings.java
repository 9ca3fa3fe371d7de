package org.labelefficient.train;

import static org.labelefficient.train.LoopSettings.*;

import java.util.Map;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Sampling;
import org.labelefficient.setting.SettingValues;

/**
 * The checked values of the training loop's settings ({@link LoopSettings}) shared by every method: budget, batch and
 * patch size (one number, or {@code z,y,x} for a 3D network), seed, optimiser and learning-rate schedule, validation
 * and log intervals, network width. Built from key-to-text maps, so that defaults and ranges live in the declarations
 * alone.
 */
public final class TrainingSettings {

	private final SettingValues values;

	private TrainingSettings(SettingValues values) {
		this.values = values;
	}

	/** The loop settings from {@code given} (key to text), defaults for the rest; wrong values are refused. */
	public static TrainingSettings of(Map<String, String> given) {
		TrainingSettings s = new TrainingSettings(new SettingValues(LoopSettings.ALL, given));
		int phases = s.values.get(PHASE_ITERATIONS);
		if (phases > s.iterations()) throw new BadInputException(PHASE_ITERATIONS.key() + " (" + phases
			+ ") must not exceed " + ITERATIONS.key() + " (" + s.iterations() + "): the phases are laid out within "
			+ "the budget");
		return s;
	}

	/** Every value, for {@code model.json} and reports. */
	public SettingValues values() {
		return values;
	}

	public int iterations() {
		return values.get(ITERATIONS);
	}

	/** The iterations over which phases and ramp-ups are laid out: {@code phase_iterations}, or all of them. */
	public int phaseIterations() {
		int phases = values.get(PHASE_ITERATIONS);
		return phases == 0 ? iterations() : phases;
	}

	/**
	 * The progress that chooses the phase and sets the ramp-ups at (0-based) iteration {@code t}: {@code t /
	 * phaseIterations()}, at most 1 (a continued run stays where its first run ended). The graph is fed it as a float,
	 * which equals the float quotient (a double holds more than twice a float's precision).
	 */
	public double progressAt(int t) {
		return Math.min(1, (double) t / phaseIterations());
	}

	public int batchSize() {
		return values.get(BATCH_SIZE);
	}

	/** The (in-plane) patch edge: the one number given, or x of {@code z,y,x}. */
	public int patchSize() {
		int[] p = values.get(PATCH_SIZE);
		return p[p.length - 1];
	}

	/** Whether {@code patch_size} was given as {@code z,y,x}. */
	public boolean patchPerAxis() {
		return values.get(PATCH_SIZE).length == 3;
	}

	/** 2 (slice-wise network) or 3 (volumetric network). */
	public int dimensions() {
		return values.get(DIMENSIONS);
	}

	/** The spatial shape of a training patch: {@code {p, p}}, or {@code {p, p, p}} ({@code z, y, x}) in 3D. */
	public int[] patchShape() {
		int p = patchSize();
		if (dimensions() == 2) return new int[] { p, p };
		return patchPerAxis() ? values.get(PATCH_SIZE).clone() : new int[] { p, p, p };
	}

	/** Whole slices or random crops, as training samples and in prediction. */
	public Sampling sampling() {
		return Sampling.parse(values.get(SAMPLING));
	}

	public long seed() {
		return values.get(SEED);
	}

	public double learningRate() {
		return values.get(LEARNING_RATE);
	}

	/** {@code adam} or {@code sgd}. */
	public String optimizer() {
		return values.get(OPTIMIZER);
	}

	public double weightDecay() {
		return values.get(WEIGHT_DECAY);
	}

	public double momentum() {
		return values.get(MOMENTUM);
	}

	public boolean nesterov() {
		return values.get(NESTEROV);
	}

	public int validationInterval() {
		return values.get(VALIDATION_INTERVAL);
	}

	public int baseChannels() {
		return values.get(BASE_CHANNELS);
	}

	public boolean augment() {
		return values.get(AUGMENT);
	}

	public int logInterval() {
		return values.get(LOG_INTERVAL);
	}

	/**
	 * The learning rate for (0-based) iteration {@code t}: poly, step or constant schedule, times {@code (t + 1) /
	 * warmup} during the first {@code warmup} iterations.
	 */
	public double learningRateAt(int t) {
		double scheduled = switch (values.get(LR_SCHEDULE)) {
			case "poly" -> learningRate() * Math.pow(1 - (double) t / iterations(), 0.9);
			case "step" -> learningRate() * Math.pow(values.get(LR_GAMMA), t / values.get(LR_STEP));
			default -> learningRate();
		};
		int warmup = values.get(WARMUP);
		return t < warmup ? scheduled * (t + 1) / warmup : scheduled;
	}
}
