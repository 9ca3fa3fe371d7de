package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Unsupervised loss terms on predictions: entropy minimisation and temperature-softened knowledge distillation. All
 * are means over pixels of {@code [B, H, W, K]} logits.
 */
public final class Regularizers {

	private Regularizers() {}

	/**
	 * Normalised prediction entropy as in PyMIC's EM: mean over pixels of {@code -sum_c p_c log p_c / log K} with
	 * {@code p = 0.999 softmax + 5e-4} (keeps the logarithm finite).
	 */
	public static Operand<TFloat32> entropy(Ops tf, Operand<TFloat32> logits, int numClasses) {
		Operand<TFloat32> p = tf.math.add(tf.math.mul(tf.nn.softmax(logits), tf.constant(0.999f)), tf.constant(5e-4f));
		Operand<TFloat32> perPixel = tf.math.neg(tf.sum(tf.math.mul(p, tf.math.log(p)), tf.constant(-1)));
		return tf.math.div(Losses.meanAll(tf, perPixel), tf.constant((float) Math.log(numClasses)));
	}

	/**
	 * Knowledge distillation: mean over pixels of {@code KL(softmax(t / T) || softmax(s / T))}, times {@code T^2}
	 * (Hinton et al., so that gradients keep their scale across temperatures). The teacher gets no gradient.
	 */
	public static Operand<TFloat32> distillation(Ops tf, Operand<TFloat32> teacherLogits,
		Operand<TFloat32> studentLogits, float temperature) {
		Operand<TFloat32> t = tf.constant(temperature);
		Operand<TFloat32> logPt = Losses.logSoftmax(tf, tf.math.div(tf.stopGradient(teacherLogits), t));
		Operand<TFloat32> logPs = Losses.logSoftmax(tf, tf.math.div(studentLogits, t));
		Operand<TFloat32> kl = tf.sum(tf.math.mul(tf.math.exp(logPt), tf.math.sub(logPt, logPs)), tf.constant(-1));
		return tf.math.mul(Losses.meanAll(tf, kl), tf.constant(temperature * temperature));
	}

	/**
	 * Class assignment for unsupervised terms: the given label where it is a class (not -1), else the teacher's most
	 * probable class where its probability reaches {@code threshold}, else -1. No gradient flows through it.
	 */
	public static Operand<TInt32> assignClasses(Ops tf, Operand<TInt32> labels, Operand<TFloat32> teacherLogits,
		float threshold) {
		Operand<TFloat32> p = tf.stopGradient(tf.nn.softmax(teacherLogits));
		Operand<TInt32> best = tf.math.argMax(p, tf.constant(-1), TInt32.class);
		Operand<TInt32> confident = tf.select(tf.math.greaterEqual(tf.max(p, tf.constant(-1)), tf.constant(
			threshold)), best, tf.fill(tf.shape(best), tf.constant(-1)));
		return tf.stopGradient(tf.select(tf.math.greaterEqual(labels, tf.constant(0)), labels, confident));
	}
}
