package org.labelefficient.method;

import org.labelefficient.nn.Ema;
import org.labelefficient.nn.UNet;
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

	static final String BATCH_STATISTICS = "teacher_batch_statistics";

	private TeacherSettings() {}

	/** The setting, with the method's default. */
	static Setting batchStatistics(boolean byDefault) {
		return new Setting(BATCH_STATISTICS, String.valueOf(byDefault), "true: the teacher normalises with its batch's "
			+ "statistics and keeps its own moving statistics, the EMA averages the trained weights only (PyTorch "
			+ "code); false: inference mode on statistics averaged from the student's");
	}

	private static boolean usesBatchStatistics(MethodContext c) {
		return c.settings().flag(BATCH_STATISTICS);
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
		return Ema.update(tf, teacher.weights(), student.weights(), step, c.settings().number("ema_decay"),
			!usesBatchStatistics(c));
	}
}
