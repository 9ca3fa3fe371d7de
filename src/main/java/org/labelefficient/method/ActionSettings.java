package org.labelefficient.method;

import java.util.List;

import org.labelefficient.io.BadInputException;

/**
 * ACTION's settings with their defaults (README, method section, says where each comes from) and the range check of
 * their values.
 */
final class ActionSettings {

	static final List<Setting> ALL = List.of(
		new Setting(ActionPlan.STAGES, "all",
			"all: stages i, ii and iii in one run, the iterations split by the stage fractions; i, ii or iii: that "
				+ "stage only, with every iteration"),
		new Setting(ActionPlan.FRACTIONS[0], "0.25", "share of the iterations for stage i with stages=all (paper: "
			+ "100 of 400 epochs)"),
		new Setting(ActionPlan.FRACTIONS[1], "0.25", "share for stage ii with stages=all (0: ablation w/o stage ii)"),
		new Setting(ActionPlan.FRACTIONS[2], "0.5", "share for stage iii with stages=all (paper: 200 of 400 epochs)"),
		new Setting("ema_decay", "0.99", "teacher EMA decay (with warm-up min(1 - 1/step, decay) from each start)"),
		TeacherSettings.batchStatistics(true),
		new Setting("student_temperature", "0.1", "tau_s of the contrastive distillation"),
		new Setting("teacher_temperature", "0.01", "tau_t of the contrastive distillation"),
		new Setting("memory_size", "36", "anchors in each memory queue of teacher embeddings (at least batch_size)"),
		new Setting("latent_dim", "512", "size of the global embeddings"),
		new Setting("local_pooling", "8", "each local window is pooled to local_pooling x local_pooling"),
		new Setting("global_weight", "1", "weight of the global distillation (stages i and ii)"),
		new Setting("local_weight", "1", "weight of the local distillation (stage ii)"),
		new Setting("augment_strength", "0.25", "brightness and contrast factors of the strong view in [1-s, 1+s]"),
		new Setting("augment_probability", "0.5", "probability of the jitter and, separately, of the blur"),
		new Setting("cutmix_area", "0.5", "share of an unlabelled patch replaced by CutMix (stage iii)"),
		new Setting("unsupervised_weight", "1", "weight of the confidence-weighted pseudo-label loss (stage iii)"),
		new Setting("anco_weight", "0.01", "weight of the anatomical contrast (code: 0.01; paper summary: 1)"),
		new Setting("anco_temperature", "0.5", "tau of the anatomical contrast"),
		new Setting("anco_queries", "256", "hard query pixels per class and batch"),
		new Setting("anco_negatives", "512", "negative keys per query"),
		new Setting("strong_threshold", "0.97", "confidence below which a pixel is hard; pseudo-label weights count "
			+ "pixels above it"),
		new Setting("weak_threshold", "0.7", "teacher confidence from which an unlabelled pixel joins the contrast"),
		new Setting("representation_dim", "64", "channels of the representation head (ACTION: 512; README says why "
			+ "64)"),
		new Setting("representation_stride", "4", "grid of the representation head in pixels, a power of two (ACTION: "
			+ "1, full resolution; ReCo: 4)"));

	private ActionSettings() {}

	/** Checks every value's range. */
	static void check(MethodSettings s) {
		probability(s, "ema_decay", false);
		positive(s, "student_temperature");
		positive(s, "teacher_temperature");
		positive(s, "anco_temperature");
		for (String k : List.of("memory_size", "latent_dim", "local_pooling", "anco_queries", "anco_negatives",
			"representation_dim"))
			count(s, k);
		for (String k : List.of("global_weight", "local_weight", "unsupervised_weight", "anco_weight",
			"augment_strength"))
			if (!(s.number(k) >= 0)) throw new BadInputException("Setting '" + k + "' must not be negative, got " + s
				.number(k));
		if (s.number("augment_strength") >= 1) throw new BadInputException(
			"Setting 'augment_strength' must be below 1 (factors stay positive), got " + s.number("augment_strength"));
		probability(s, "augment_probability", true);
		probability(s, "strong_threshold", true);
		probability(s, "weak_threshold", true);
		int stride = (int) s.number("representation_stride");
		if (stride != s.number("representation_stride") || stride < 1 || stride > 8 || Integer.bitCount(stride) != 1)
			throw new BadInputException("Setting 'representation_stride' must be 1, 2, 4 or 8, got " + s.string(
				"representation_stride"));
		double area = s.number("cutmix_area");
		if (!(area > 0 && area < 1)) throw new BadInputException("Setting 'cutmix_area' must be between 0 and 1, got "
			+ area);
	}

	private static void positive(MethodSettings s, String key) {
		if (!(s.number(key) > 0)) throw new BadInputException("Setting '" + key + "' must be positive, got " + s
			.number(key));
	}

	private static void count(MethodSettings s, String key) {
		double v = s.number(key);
		if (!(v >= 1) || v != Math.rint(v)) throw new BadInputException("Setting '" + key
			+ "' must be a positive integer, got " + s.string(key));
	}

	private static void probability(MethodSettings s, String key, boolean oneAllowed) {
		double v = s.number(key);
		if (!(v >= 0 && (oneAllowed ? v <= 1 : v < 1))) throw new BadInputException("Setting '" + key
			+ "' must be in [0, 1" + (oneAllowed ? "]" : ")") + ", got " + v);
	}
}
