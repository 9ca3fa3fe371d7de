package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The sigmoid ramp-up of PyMIC and Mean Teacher, {@code exp(-5 (1 - r)^2)} with
 * {@code r = (clip(t, start, end) - start) / (end - start)}: 0.0067 at {@code start}, 1 from {@code end} on. Here
 * {@code t} is the training progress in [0, 1] (iteration / iterations), so ramps scale with the budget.
 */
public final class Ramp {

	private Ramp() {}

	/** The ramp value at {@code progress} (Java side, for tests and logs). */
	public static double sigmoid(double progress, double start, double end) {
		if (end <= start) return progress >= end ? 1 : 0;
		double r = (Math.min(Math.max(progress, start), end) - start) / (end - start);
		return Math.exp(-5 * (1 - r) * (1 - r));
	}

	/** The ramp value at the fed {@code progress}, in the graph. */
	public static Operand<TFloat32> sigmoid(Ops tf, Operand<TFloat32> progress, double start, double end) {
		if (end <= start) return tf.dtypes.cast(tf.math.greaterEqual(progress, tf.constant((float) end)),
			TFloat32.class);
		Operand<TFloat32> clipped = tf.clipByValue(progress, tf.constant((float) start), tf.constant((float) end));
		Operand<TFloat32> r = tf.math.div(tf.math.sub(clipped, tf.constant((float) start)), tf.constant((float) (end
			- start)));
		Operand<TFloat32> phase = tf.math.sub(tf.constant(1f), r);
		return tf.math.exp(tf.math.mul(tf.constant(-5f), tf.math.square(phase)));
	}
}
