package org.labelefficient.train;

import org.labelefficient.io.BadInputException;

/**
 * The settings of the training loop shared by every method: budget, batch and patch size, seed, optimiser and
 * learning-rate schedule, validation and checkpoint intervals, and the network width.
 *
 * @param optimizer {@code adam} or {@code sgd}
 * @param schedule {@code poly} (lr (1 - t/T)^0.9), {@code step} (lr gamma^floor(t/step_size)) or {@code constant}
 */
public record TrainingSettings(int iterations, int batchSize, int patchSize, long seed, double learningRate,
	String optimizer, String schedule, int stepSize, double gamma, double weightDecay, double momentum,
	boolean nesterov, int validationInterval, int baseChannels, boolean augment, int logInterval) {

	/** Checks ranges; each problem is one plain sentence. */
	public TrainingSettings {
		positive("iterations", iterations);
		positive("batch_size", batchSize);
		positive("validation_interval", validationInterval);
		positive("base_channels", baseChannels);
		positive("log_interval", logInterval);
		positive("step_size", stepSize);
		if (patchSize < 16 || patchSize % 16 != 0) throw new BadInputException(
			"patch_size must be a multiple of 16 and at least 16, got " + patchSize);
		if (!(learningRate > 0)) throw new BadInputException("learning_rate must be positive, got " + learningRate);
		if (!optimizer.equals("adam") && !optimizer.equals("sgd")) throw new BadInputException(
			"optimizer must be adam or sgd, got '" + optimizer + "'");
		if (!schedule.equals("poly") && !schedule.equals("step") && !schedule.equals("constant"))
			throw new BadInputException("lr_schedule must be poly, step or constant, got '" + schedule + "'");
		if (weightDecay < 0) throw new BadInputException("weight_decay must not be negative, got " + weightDecay);
		if (momentum < 0 || momentum >= 1) throw new BadInputException("momentum must be in [0, 1), got "
			+ momentum);
	}

	private static void positive(String key, int value) {
		if (value <= 0) throw new BadInputException(key + " must be a positive integer, got " + value);
	}

	/** The learning rate for (0-based) iteration {@code t}. */
	public double learningRateAt(int t) {
		return switch (schedule) {
			case "poly" -> learningRate * Math.pow(1 - (double) t / iterations, 0.9);
			case "step" -> learningRate * Math.pow(gamma, t / stepSize);
			default -> learningRate;
		};
	}
}
