package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Class-wise contrastive regularisation against class prototypes (InfoNCE): each class's prototype is the normalised
 * mean embedding of the pixels assigned to it (no gradient); each sampled pixel's embedding is pulled towards its
 * class prototype and pushed from the others, {@code -log softmax_k(e . mu_k / tau)[c]}, over the classes present in
 * the batch. Pixels are sampled at random (stateless seed) so that each class contributes about
 * {@code samplesPerClass} pixels, keeping rare classes as heavy as frequent ones.
 */
public final class ClassContrast {

	/** Added to the logit of a class absent from the batch, which removes it from the softmax. */
	private static final float ABSENT = -1e4f;

	private ClassContrast() {}

	/**
	 * @param embeddings L2-normalised pixel embeddings {@code [B, H, W, D]}
	 * @param classes class per pixel {@code [B, H, W]}, -1 where unassigned
	 */
	public static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> embeddings, Operand<TInt32> classes,
		int numClasses, float temperature, int samplesPerClass, Operand<TInt64> seed) {
		return loss(tf, embeddings, (ops, rows) -> rows, classes, numClasses, temperature, samplesPerClass, seed);
	}

	/**
	 * The same loss on pixel features {@code [B, H, W, C]} and an {@code embedding} of feature rows {@code [N, C]}
	 * to unit rows {@code [N, D]} (a projection head). Only the sampled pixels' embeddings carry a gradient, so they
	 * alone are embedded with one; the prototypes embed every assigned pixel without one. The value and gradients are
	 * those of embedding every pixel first, without back-propagating through the unsampled pixels.
	 */
	public static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> features, Embedding embedding,
		Operand<TInt32> classes, int numClasses, float temperature, int samplesPerClass, Operand<TInt64> seed) {
		int channels = (int) features.shape().get(3);
		Operand<TFloat32> rows = tf.reshape(features, tf.constant(new int[] { -1, channels }));
		Operand<TFloat32> y = tf.reshape(Losses.oneHot(tf, tf.reshape(classes, tf.constant(new int[] { -1 })),
			numClasses), tf.constant(new int[] { -1, numClasses }));
		Operand<TFloat32> counts = tf.sum(y, tf.constant(0));
		Operand<TFloat32> present = tf.dtypes.cast(tf.math.greater(counts, tf.constant(0f)), TFloat32.class);
		Operand<TFloat32> all = tf.stopGradient(embedding.apply(tf, tf.stopGradient(rows)));
		Operand<TFloat32> sums = tf.linalg.matMul(y, all, MatMul.transposeA(true));
		Operand<TFloat32> prototypes = tf.stopGradient(l2Normalize(tf, tf.math.div(sums, tf.expandDims(tf.math.maximum(
			counts, tf.constant(1f)), tf.constant(1)))));
		Operand<TFloat32> kept = tf.math.mul(sampleMask(tf, y, counts, samplesPerClass, seed), tf.sum(y, tf.constant(
			1)));
		Operand<TInt64> index = tf.reshape(tf.where(tf.math.greater(kept, tf.constant(0f))), tf.constant(new int[] {
			-1 }));
		Operand<TFloat32> e = embedding.apply(tf, tf.gather(rows, index, tf.constant(0)));
		Operand<TFloat32> similarity = tf.math.div(tf.linalg.matMul(e, prototypes, MatMul.transposeB(true)), tf
			.constant(temperature));
		Operand<TFloat32> absent = tf.math.mul(tf.math.sub(tf.constant(1f), present), tf.constant(ABSENT));
		Operand<TFloat32> ce = tf.nn.softmaxCrossEntropyWithLogits(tf.math.add(similarity, absent), tf.gather(y, index,
			tf.constant(0))).loss();
		return tf.math.div(Losses.sumAll(tf, ce), tf.math.add(tf.dtypes.cast(tf.size(index), TFloat32.class), tf
			.constant(1e-6f)));
	}

	/** Maps feature rows {@code [N, C]} to unit embedding rows {@code [N, D]}. */
	@FunctionalInterface
	public interface Embedding {
		Operand<TFloat32> apply(Ops tf, Operand<TFloat32> rows);
	}

	/** 1 for pixels kept: pixel i of class c is kept with probability min(1, samplesPerClass / count_c). */
	private static Operand<TFloat32> sampleMask(Ops tf, Operand<TFloat32> y, Operand<TFloat32> counts,
		int samplesPerClass, Operand<TInt64> seed) {
		Operand<TFloat32> rate = tf.math.minimum(tf.constant(1f), tf.math.div(tf.constant((float) samplesPerClass), tf
			.math.maximum(counts, tf.constant(1f))));
		Operand<TFloat32> keep = tf.sum(tf.math.mul(y, rate), tf.constant(1));
		Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(keep), tf.math.add(seed, tf.constant(
			new long[] { 0, 7919 })), TFloat32.class);
		return tf.stopGradient(tf.dtypes.cast(tf.math.less(u, keep), TFloat32.class));
	}

	/** Rows scaled to unit length (with a small floor). */
	public static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x) {
		Operand<TFloat32> squares = tf.sum(tf.math.square(x), tf.constant(-1), Sum.keepDims(true));
		Operand<TFloat32> norm = tf.math.sqrt(tf.math.maximum(squares, tf.constant(1e-12f)));
		return tf.math.div(x, norm);
	}
}
