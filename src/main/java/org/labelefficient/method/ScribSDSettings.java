package org.labelefficient.method;

import java.util.List;

import org.labelefficient.setting.Setting;

/** ScribSD+'s settings with their defaults and ranges (docs/scribsd.md says where each comes from). */
final class ScribSDSettings {

	static final Setting<Double> KD_WEIGHT = Setting.number("kd_weight", 0.5,
		"weight of the multi-scale prediction distillation (0: ablation)").atLeast(0);
	static final Setting<Double> KD_TEMPERATURE = Setting.number("kd_temperature", 2,
		"softmax temperature of the distillation (loss scaled by T^2)").above(0);
	static final Setting<double[]> KD_SCALE_WEIGHTS = Setting.numbers("kd_scale_weights", new double[] { 1, 0.5,
		0.25, 0.125 }, "weights of the scales 1, 1/2, 1/4, 1/8 (normalised to sum 1, PyMIC's deep-supervision "
			+ "weights)").atLeast(0);
	static final Setting<Double> CONTRAST_WEIGHT = Setting.number("contrast_weight", 0.1,
		"weight of the class-wise contrastive term (0: ablation)").atLeast(0);
	static final Setting<Double> CONTRAST_TEMPERATURE = Setting.number("contrast_temperature", 0.1,
		"InfoNCE temperature").above(0);
	static final Setting<Integer> CONTRAST_SAMPLES = Setting.integer("contrast_samples", 256,
		"pixels sampled per class and batch for the contrastive term").atLeast(1);
	static final Setting<Double> CONFIDENCE_THRESHOLD = Setting.number("confidence_threshold", 0.8,
		"teacher probability from which an unscribbled pixel takes the teacher's class").atLeast(0).atMost(1);
	static final Setting<Integer> EMBEDDING_DIM = Setting.integer("embedding_dim", 32,
		"channels of the projection head's output").atLeast(1);
	static final Setting<Boolean> USE_TEACHER = Setting.flag("use_teacher", false,
		"export the teacher instead of the student as the model");

	static final List<Setting<?>> ALL = List.of(TeacherSettings.EMA_DECAY, KD_WEIGHT, KD_TEMPERATURE,
		KD_SCALE_WEIGHTS, CONTRAST_WEIGHT, CONTRAST_TEMPERATURE, CONTRAST_SAMPLES, CONFIDENCE_THRESHOLD, EMBEDDING_DIM,
		USE_TEACHER, TeacherSettings.batchStatistics(false), RampSettings.START, RampSettings.END);

	private ScribSDSettings() {}
}
