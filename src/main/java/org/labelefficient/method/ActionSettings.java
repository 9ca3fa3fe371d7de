package org.labelefficient.method;

import java.util.List;

import org.labelefficient.setting.Setting;

/**
 * ACTION's settings with their defaults and ranges (docs/action.md says where each comes from). What
 * depends on several settings or on the run (the stage plan, memory against batch, windows against patch) is checked
 * by {@link ActionPlan} and {@link Action#check}.
 */
final class ActionSettings {

	static final Setting<String> STAGES = Setting.choice("stages", "all",
		"all: stages i, ii and iii in one run, the iterations split by the stage fractions; i, ii or iii: that stage "
			+ "only, with every iteration", List.of("all", "i", "ii", "iii"));
	static final List<Setting<Double>> FRACTIONS = List.of(probability("stage_i_fraction", 0.25,
		"share of the iterations for stage i with stages=all (paper: 100 of 400 epochs)"), probability("stage_ii_fraction",
			0.25, "share for stage ii with stages=all (0: ablation w/o stage ii)"), probability("stage_iii_fraction", 0.5,
				"share for stage iii with stages=all (paper: 200 of 400 epochs)"));
	static final Setting<Double> STUDENT_TEMPERATURE = positive("student_temperature", 0.1,
		"tau_s of the contrastive distillation");
	static final Setting<Double> TEACHER_TEMPERATURE = positive("teacher_temperature", 0.01,
		"tau_t of the contrastive distillation");
	static final Setting<Integer> MEMORY_SIZE = count("memory_size", 36,
		"anchors in each memory queue of teacher embeddings (at least batch_size)");
	static final Setting<Integer> LATENT_DIM = count("latent_dim", 512, "size of the global embeddings");
	static final Setting<Integer> LOCAL_POOLING = count("local_pooling", 8,
		"each local window is pooled to local_pooling x local_pooling");
	static final Setting<Double> GLOBAL_WEIGHT = weight("global_weight", 1,
		"weight of the global distillation (stages i and ii)");
	static final Setting<Double> LOCAL_WEIGHT = weight("local_weight", 1, "weight of the local distillation (stage ii)");
	static final Setting<Double> AUGMENT_STRENGTH = weight("augment_strength", 0.25,
		"brightness and contrast factors of the strong view in [1-s, 1+s] (below 1: factors stay positive)").below(1);
	static final Setting<Double> AUGMENT_PROBABILITY = probability("augment_probability", 0.5,
		"probability of the jitter and, separately, of the blur");
	static final Setting<Double> CUTMIX_AREA = Setting.number("cutmix_area", 0.5,
		"share of an unlabelled patch replaced by CutMix (stage iii)").above(0).below(1);
	static final Setting<Double> UNSUPERVISED_WEIGHT = weight("unsupervised_weight", 1,
		"weight of the confidence-weighted pseudo-label loss (stage iii)");
	static final Setting<Double> ANCO_WEIGHT = weight("anco_weight", 0.01,
		"weight of the anatomical contrast (code: 0.01; paper summary: 1)");
	static final Setting<Double> ANCO_TEMPERATURE = positive("anco_temperature", 0.5,
		"tau of the anatomical contrast");
	static final Setting<Integer> ANCO_QUERIES = count("anco_queries", 256, "hard query pixels per class and batch");
	static final Setting<Integer> ANCO_NEGATIVES = count("anco_negatives", 512, "negative keys per query");
	static final Setting<Double> STRONG_THRESHOLD = probability("strong_threshold", 0.97,
		"confidence below which a pixel is hard; pseudo-label weights count pixels above it");
	static final Setting<Double> WEAK_THRESHOLD = probability("weak_threshold", 0.7,
		"teacher confidence from which an unlabelled pixel joins the contrast");
	static final Setting<Integer> REPRESENTATION_DIM = count("representation_dim", 64,
		"channels of the representation head (ACTION: 512; docs/action.md says why 64)");
	static final Setting<Integer> REPRESENTATION_STRIDE = Setting.integer("representation_stride", 4,
		"grid of the representation head in pixels (ACTION: 1, full resolution; ReCo: 4)").among(1, 2, 4, 8);

	static final List<Setting<?>> ALL = List.of(STAGES, FRACTIONS.get(0), FRACTIONS.get(1), FRACTIONS.get(2),
		TeacherSettings.EMA_DECAY.withDefault(0.99,
			"teacher EMA decay (with warm-up min(1 - 1/step, decay) from each start)"), TeacherSettings.batchStatistics(
				true), STUDENT_TEMPERATURE, TEACHER_TEMPERATURE, MEMORY_SIZE, LATENT_DIM, LOCAL_POOLING, GLOBAL_WEIGHT,
		LOCAL_WEIGHT, AUGMENT_STRENGTH, AUGMENT_PROBABILITY, CUTMIX_AREA, UNSUPERVISED_WEIGHT, ANCO_WEIGHT,
		ANCO_TEMPERATURE, ANCO_QUERIES, ANCO_NEGATIVES, STRONG_THRESHOLD, WEAK_THRESHOLD, REPRESENTATION_DIM,
		REPRESENTATION_STRIDE);

	private ActionSettings() {}

	private static Setting<Double> probability(String key, double value, String description) {
		return Setting.number(key, value, description).atLeast(0).atMost(1);
	}

	private static Setting<Double> positive(String key, double value, String description) {
		return Setting.number(key, value, description).above(0);
	}

	private static Setting<Double> weight(String key, double value, String description) {
		return Setting.number(key, value, description).atLeast(0);
	}

	private static Setting<Integer> count(String key, int value, String description) {
		return Setting.integer(key, value, description).atLeast(1);
	}
}
