package org.labelefficient.method;

import org.labelefficient.nn.Ema;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How an EMA teacher treats batch norm, shared by the teacher-student methods. With {@code teacher_batch_statistics}
 * the teacher normalises with its batch's statistics and keeps moving statistics of its own (run its pass's
 * statistic updates with the step), and the EMA averages the trained weights only, as the PyTorch code of Mean
 * Teacher and ACTION does (the teacher in training mode; buffers are not parameters); without it the teacher runs in
 * inference mode on moving statistics averaged from the student's like its weights. The teacher's passes never
 * use dropout.
 */
final class TeacherSettings {

	/** The teacher's EMA decay, shared by the teacher-student methods. */
	static final Setting<Double> EMA_DECAY = Setting.number("ema_decay", 0.99,
		"teacher EMA decay (with warm-up min(1 - 1/step, decay))").atLeast(0).below(1);
	static final Setting<Boolean> BATCH_STATISTICS = Setting.flag("teacher_batch_statistics", true,
		"true: the teacher normalises with its batch's statistics and keeps its own moving statistics, the EMA "
			+ "averages the trained weights only (PyTorch code); false: inference mode on statistics averaged from the "
			+ "student's");

	private TeacherSettings() {}

	/** The setting, with the method's default. */
	static Setting<Boolean> batchStatistics(boolean byDefault) {
		return BATCH_STATISTICS.withDefault(byDefault);
	}

	private static boolean usesBatchStatistics(MethodContext c) {
		return c.settings().get(BATCH_STATISTICS);
	}

	/** The teacher's pass over {@code images}; its statistic updates (if any) are to run with the step. */
	static UNet.Forward forward(MethodContext c, Ops tf, UNet teacher, Operand<TFloat32> images) {
		return teacher.forward(tf, images, usesBatchStatistics(c), null);
	}

	/** The teacher's encoder pass over {@code images}, as {@link #forward}. */
	static UNet.Encoding encode(MethodContext c, Ops tf, UNet teacher, Operand<TFloat32> images) {
		return teacher.encode(tf, images, usesBatchStatistics(c), null);
	}

	/** The EMA of {@code student} into {@code teacher}; statistics only when the teacher has none of its own. */
	static Op ema(MethodContext c, Ops tf, UNet teacher, UNet student, Operand<TFloat32> step) {
		return Ema.update(tf, teacher.weights(), student.weights(), step, c.settings().get(EMA_DECAY),
			!usesBatchStatistics(c));
	}
}
