package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Segmentation losses built as graph ops on NHWC logits {@code [B, H, W, K]} and integer label maps
 * {@code [B, H, W]} (or their NDHWC volume forms {@code [B, D, H, W, K]}, {@code [B, D, H, W]}). A label of -1
 * marks an unlabelled pixel (scribble images); the partial cross-entropy ignores those
 * pixels.
 */
public final class Losses {

	/** Smoothing of the soft Dice ratio. */
	public static final float DICE_SMOOTH = 1e-5f;
	private static final float PCE_EPSILON = 1e-10f;

	private Losses() {}

	/** One-hot maps {@code [B, H, W, K]} of labels; a label of -1 gives an all-zero vector. */
	public static Operand<TFloat32> oneHot(Ops tf, Operand<TInt32> labels, int numClasses) {
		return tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f), tf.constant(0f));
	}

	/** Per-pixel cross-entropy {@code -sum_c y_c log softmax(z)_c} as a flat vector of B*H*W values. */
	public static Operand<TFloat32> pixelCrossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> targets,
		int numClasses) {
		Operand<TInt32> flat = tf.constant(new int[] { -1, numClasses });
		return tf.nn.softmaxCrossEntropyWithLogits(tf.reshape(logits, flat), tf.reshape(targets, flat)).loss();
	}

	/**
	 * Partial cross-entropy (PyMIC): the mean cross-entropy over labelled pixels only,
	 * {@code sum_i w_i CE_i / (sum_i w_i + 1e-10)} with {@code w_i = 1} where the label is not -1.
	 */
	public static Operand<TFloat32> partialCrossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels,
		int numClasses) {
		Operand<TFloat32> ce = pixelCrossEntropy(tf, logits, oneHot(tf, labels, numClasses), numClasses);
		Operand<TFloat32> weight = tf.dtypes.cast(tf.math.greaterEqual(tf.reshape(labels, tf.constant(new int[] { -1 })),
			tf.constant(0)), TFloat32.class);
		return tf.math.div(sumAll(tf, tf.math.mul(ce, weight)), tf.math.add(sumAll(tf, weight), tf.constant(
			PCE_EPSILON)));
	}

	/** Mean cross-entropy over the labelled pixels of dense labels (padding and unlabelled samples, -1, left out). */
	public static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels,
		int numClasses) {
		return partialCrossEntropy(tf, logits, labels, numClasses);
	}

	/**
	 * Soft Dice loss averaged over all classes including background:
	 * {@code 1 - (2 sum p y + s) / (sum p^2 + sum y^2 + s)} per class, sums over the whole batch, {@code s = 1e-5},
	 * {@code p = softmax(logits)} (the form used by ACTION and SSL4MIS). Pixels labelled -1 (padding, or the
	 * unlabelled samples of a semi-supervised batch) are left out.
	 */
	public static Operand<TFloat32> diceLoss(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels,
		int numClasses) {
		Operand<TFloat32> known = tf.expandDims(tf.dtypes.cast(tf.math.greaterEqual(labels, tf.constant(0)),
			TFloat32.class), tf.constant(-1));
		Operand<TFloat32> p = tf.math.mul(tf.nn.softmax(logits), known);
		Operand<TFloat32> y = oneHot(tf, labels, numClasses);
		Operand<TInt32> axes = tf.constant(logits.shape().numDimensions() == 5 ? new int[] { 0, 1, 2, 3 } : new int[] {
			0, 1, 2 });
		Operand<TFloat32> intersection = tf.sum(tf.math.mul(p, y), axes);
		Operand<TFloat32> denominator = tf.math.add(tf.sum(tf.math.square(p), axes), tf.sum(tf.math.square(y), axes));
		Operand<TFloat32> dice = tf.math.div(tf.math.add(tf.math.mul(intersection, tf.constant(2f)), tf.constant(
			DICE_SMOOTH)), tf.math.add(denominator, tf.constant(DICE_SMOOTH)));
		return tf.math.sub(tf.constant(1f), meanAll(tf, dice));
	}

	/**
	 * Log-softmax along the last axis, {@code x - m - log sum exp(x - m)} with {@code m} the (constant) maximum. Built
	 * from elementary ops because the gradient TensorFlow Java registers for {@code LogSoftmax} is wrong (it passes
	 * the incoming gradient through unchanged, dropping the {@code -softmax * sum} term; see LossesTest).
	 */
	public static Operand<TFloat32> logSoftmax(Ops tf, Operand<TFloat32> x) {
		Operand<TInt32> last = tf.constant(-1);
		Operand<TFloat32> shifted = tf.math.sub(x, tf.stopGradient(tf.max(x, last, Max.keepDims(true))));
		return tf.math.sub(shifted, tf.math.log(tf.sum(tf.math.exp(shifted), last, Sum.keepDims(true))));
	}

	/** The sum of all elements, as a scalar. */
	public static Operand<TFloat32> sumAll(Ops tf, Operand<TFloat32> x) {
		return tf.sum(tf.reshape(x, tf.constant(new int[] { -1 })), tf.constant(0));
	}

	/** The mean of all elements, as a scalar. */
	public static Operand<TFloat32> meanAll(Ops tf, Operand<TFloat32> x) {
		return tf.math.mean(tf.reshape(x, tf.constant(new int[] { -1 })), tf.constant(0));
	}
}
