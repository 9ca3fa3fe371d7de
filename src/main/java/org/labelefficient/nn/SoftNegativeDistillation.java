package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * ACTION's contrastive distillation with soft-labelled negatives: each embedding is compared with a set of anchors by
 * cosine similarity; the teacher's similarities, sharpened by a low temperature, give a soft distribution over the
 * anchors, {@code p_t = softmax(cos(z_t, a) / tau_t)}, that the student's {@code p_s = softmax(cos(z_s, a) / tau_s)}
 * must match: {@code KL(p_t || p_s)}, averaged over the embeddings (PyTorch's {@code batchmean}). The teacher and the
 * anchors get no gradient.
 */
public final class SoftNegativeDistillation {

	private SoftNegativeDistillation() {}

	/**
	 * @param student student embeddings {@code [G, N, D]}: N embeddings in each of G groups
	 * @param teacher teacher embeddings of the same samples, {@code [G, N, D]}
	 * @param anchors the anchors of each group, {@code [G, K, D]}
	 */
	public static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> student, Operand<TFloat32> teacher,
		Operand<TFloat32> anchors, float studentTemperature, float teacherTemperature) {
		Operand<TFloat32> a = tf.stopGradient(anchors);
		Operand<TFloat32> logPt = Losses.logSoftmax(tf, tf.stopGradient(tf.math.div(cosine(tf, teacher, a), tf
			.constant(teacherTemperature))));
		Operand<TFloat32> logPs = Losses.logSoftmax(tf, tf.math.div(cosine(tf, student, a), tf.constant(
			studentTemperature)));
		Operand<TFloat32> kl = tf.sum(tf.math.mul(tf.math.exp(logPt), tf.math.sub(logPt, logPs)), tf.constant(-1));
		return Losses.meanAll(tf, kl);
	}

	/** Cosine similarities {@code [G, N, K]} of embeddings {@code [G, N, D]} with anchors {@code [G, K, D]}. */
	public static Operand<TFloat32> cosine(Ops tf, Operand<TFloat32> x, Operand<TFloat32> anchors) {
		Operand<TFloat32> u = tf.expandDims(ClassContrast.l2Normalize(tf, x), tf.constant(2));
		Operand<TFloat32> v = tf.expandDims(ClassContrast.l2Normalize(tf, anchors), tf.constant(1));
		return tf.sum(tf.math.mul(u, v), tf.constant(-1), Sum.keepDims(false));
	}
}
