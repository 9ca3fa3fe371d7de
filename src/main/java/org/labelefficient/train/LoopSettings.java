package org.labelefficient.train;

import java.util.List;

import org.labelefficient.io.Sampling;
import org.labelefficient.setting.Setting;

/**
 * The declarations of the training loop's settings, shared by every method: budget, batch and patch, seed, optimiser
 * and learning-rate schedule, validation and logging intervals, network width. {@link TrainingSettings} holds their
 * checked values.
 */
public final class LoopSettings {

	public static final Setting<Integer> ITERATIONS = Setting.integer("iterations", 2000,
		"training iterations (batches)").atLeast(1).unit("iterations");
	public static final Setting<Integer> PHASE_ITERATIONS = Setting.integer("phase_iterations", 0,
		"iterations over which a method lays out its phases and ramp-ups (0: all of them); continue sets the first "
			+ "run's budget, so that a continued run stays in its last phase with its ramp-ups at full weight")
		.atLeast(0).unit("iterations");
	public static final Setting<Integer> BATCH_SIZE = Setting.integer("batch_size", 8, "samples per batch").atLeast(
		1);
	public static final Setting<int[]> PATCH_SIZE = Setting.sizes("patch_size", 128,
		"square training patch; larger slices are cropped at random, smaller ones padded (dimensions=3: a cube, or "
			+ "z,y,x)")
		.atLeast(16).multipleOf(16).unit("pixels");
	public static final Setting<String> SAMPLING = Setting.choice("sampling", Sampling.CROP.key(),
		"what a training sample shows: crop, a random patch_size crop of a slice; slice, the whole slice resized to "
			+ "patch_size (prediction then does the same)", Sampling.keys());
	public static final Setting<Integer> SEED = Setting.integer("seed", 1,
		"seeds weights, sampling, augmentation and dropout");
	public static final Setting<String> OPTIMIZER = Setting.choice("optimizer", "adam", "adam or sgd (with momentum)",
		List.of("adam", "sgd"));
	public static final Setting<Double> LEARNING_RATE = Setting.number("learning_rate", 1e-3, "initial learning rate")
		.above(0).defaultWhen(OPTIMIZER, "sgd", 0.01);
	public static final Setting<String> LR_SCHEDULE = Setting.choice("lr_schedule", "poly",
		"poly: lr (1 - t/T)^0.9; step: times lr_gamma every lr_step iterations; constant", List.of("poly", "step",
			"constant"));
	public static final Setting<Integer> LR_STEP = Setting.integer("lr_step", 2500,
		"iterations between learning-rate drops of the step schedule").atLeast(1).unit("iterations");
	public static final Setting<Double> LR_GAMMA = Setting.number("lr_gamma", 0.1,
		"factor of each learning-rate drop of the step schedule").above(0);
	public static final Setting<Integer> WARMUP = Setting.integer("warmup", 0,
		"iterations over which the learning rate rises linearly to the schedule's value (0: none); eases a warm start "
			+ "(init_model), whose first full-size Adam steps shake a trained model").atLeast(0).unit("iterations");
	public static final Setting<Double> WEIGHT_DECAY = Setting.number("weight_decay", 1e-5, "L2 weight decay")
		.atLeast(0).defaultWhen(OPTIMIZER, "sgd", 1e-4);
	public static final Setting<Double> MOMENTUM = Setting.number("momentum", 0.9, "momentum of sgd").atLeast(0)
		.below(1);
	public static final Setting<Boolean> NESTEROV = Setting.flag("nesterov", false, "Nesterov momentum for sgd");
	public static final Setting<Integer> VALIDATION_INTERVAL = Setting.integer("validation_interval", 200,
		"iterations between validations, best/latest models and checkpoints").atLeast(1).unit("iterations");
	public static final Setting<Integer> BASE_CHANNELS = Setting.integer("base_channels", 16,
		"U-Net width: channels base, 2x, 4x, 8x, 16x").atLeast(1);
	public static final Setting<Integer> DIMENSIONS = Setting.integer("dimensions", 2,
		"2: a 2D U-Net applied slice by slice; 3: a 3D U-Net on volumes (patches of patch_size^3 voxels)").among(2, 3);
	public static final Setting<Boolean> AUGMENT = Setting.flag("augment", true,
		"random flips and 90-degree rotations");
	public static final Setting<Integer> LOG_INTERVAL = Setting.integer("log_interval", 20,
		"iterations between progress lines").atLeast(1).unit("iterations");

	/** Every loop setting, in the order of help texts and {@code model.json}. */
	public static final List<Setting<?>> ALL = List.of(ITERATIONS, PHASE_ITERATIONS, BATCH_SIZE, PATCH_SIZE, SAMPLING,
		SEED, LEARNING_RATE, OPTIMIZER, LR_SCHEDULE, LR_STEP, LR_GAMMA, WARMUP, WEIGHT_DECAY, MOMENTUM, NESTEROV,
		VALIDATION_INTERVAL, BASE_CHANNELS, DIMENSIONS, AUGMENT, LOG_INTERVAL);

	private LoopSettings() {}
}
