package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Exponential moving average of one parameter set into another of the same layout (a teacher following its
 * student): {@code teacher = a teacher + (1 - a) student} with the Mean Teacher warm-up
 * {@code a = min(1 - 1/step, decay)} for the 1-based {@code step}, so that the first step copies the student. Either
 * every variable is averaged, batch-norm statistics included, or only the trained ones (a teacher that keeps
 * statistics of its own).
 */
public final class Ema {

	private Ema() {}

	/** The decay used at 1-based {@code step} (Java side). */
	public static double decayAt(double step, double decay) {
		return Math.min(1 - 1 / step, decay);
	}

	/** The update ops of every variable, statistics included; run them after the student's step. */
	public static Op update(Ops tf, ParameterSet teacher, ParameterSet student, Operand<TFloat32> step, double decay) {
		return update(tf, teacher, student, step, decay, true);
	}

	/** The update ops; {@code statistics}: whether the batch-norm statistics are averaged too. */
	public static Op update(Ops tf, ParameterSet teacher, ParameterSet student, Operand<TFloat32> step, double decay,
		boolean statistics) {
		Operand<TFloat32> a = tf.math.minimum(tf.math.sub(tf.constant(1f), tf.math.div(tf.constant(1f), step)), tf
			.constant((float) decay));
		Operand<TFloat32> b = tf.math.sub(tf.constant(1f), a);
		List<Op> assigns = new ArrayList<>();
		for (ParameterSet.Parameter p : student.parameters()) {
			if (!statistics && !p.trainable()) continue;
			Variable<TFloat32> t = teacher.variable(p.name()), s = student.variable(p.name());
			assigns.add(tf.assign(t, tf.math.add(tf.math.mul(a, t), tf.math.mul(b, s))));
		}
		return tf.withControlDependencies(assigns).noOp();
	}
}
