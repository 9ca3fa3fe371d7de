package org.labelefficient.nn;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * In-graph intensity augmentation of a batch of one-channel images {@code [B, H, W, 1]}, per image and drawn from a
 * stateless seed (ACTION's strong view, after torchvision's ColorJitter and GaussianBlur on grey images): with
 * probability {@code p} a brightness factor and a contrast factor, both uniform in {@code [1 - s, 1 + s]} (the
 * contrast scales around the image mean); then with probability {@code p} a Gaussian blur of sigma uniform in
 * [0.15, 1.15] (5x5 kernel, reflected borders). No gradient flows through it.
 */
public final class IntensityAugment {

	private static final float SIGMA_MIN = 0.15f, SIGMA_MAX = 1.15f;
	private static final int RADIUS = 2;

	private IntensityAugment() {}

	/** The augmented batch. */
	public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> images, float strength, float probability,
		Operand<TInt64> seed) {
		Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.stack(List.of(tf.reshape(tf.slice(tf.shape(images),
			tf.constant(new int[] { 0 }), tf.constant(new int[] { 1 })), tf.constant(new int[0])), tf.constant(5))),
			seed, TFloat32.class);
		Operand<TFloat32> x = tf.stopGradient(images);
		x = jitter(tf, x, column(tf, u, 0), column(tf, u, 1), column(tf, u, 2), strength, probability);
		return tf.stopGradient(blur(tf, x, column(tf, u, 3), column(tf, u, 4), probability));
	}

	private static Operand<TFloat32> jitter(Ops tf, Operand<TFloat32> x, Operand<TFloat32> coin,
		Operand<TFloat32> brightness, Operand<TFloat32> contrast, float strength, float probability) {
		Operand<TFloat32> on = tf.dtypes.cast(tf.math.less(coin, tf.constant(probability)), TFloat32.class);
		Operand<TFloat32> fb = factor(tf, brightness, strength, on), fc = factor(tf, contrast, strength, on);
		Operand<TFloat32> bright = tf.math.mul(x, fb);
		Operand<TFloat32> mean = tf.math.mean(bright, tf.constant(new int[] { 1, 2, 3 }),
			org.tensorflow.op.math.Mean.keepDims(true));
		return tf.math.add(tf.math.mul(tf.math.sub(bright, mean), fc), mean);
	}

	/** {@code 1 + on s (2u - 1)}: a factor in [1 - s, 1 + s] where {@code on}, else 1. */
	private static Operand<TFloat32> factor(Ops tf, Operand<TFloat32> u, float strength, Operand<TFloat32> on) {
		Operand<TFloat32> offset = tf.math.mul(tf.constant(strength), tf.math.sub(tf.math.mul(u, tf.constant(2f)), tf
			.constant(1f)));
		return tf.math.add(tf.constant(1f), tf.math.mul(on, offset));
	}

	/** Blurs each image with its own sigma where its coin is below {@code probability}. */
	private static Operand<TFloat32> blur(Ops tf, Operand<TFloat32> x, Operand<TFloat32> coin, Operand<TFloat32> u,
		float probability) {
		Operand<TFloat32> sigma = tf.reshape(tf.math.add(tf.constant(SIGMA_MIN), tf.math.mul(u, tf.constant(SIGMA_MAX
			- SIGMA_MIN))), tf.constant(new int[] { -1, 1 }));
		float[] offsets = new float[2 * RADIUS + 1];
		for (int i = 0; i < offsets.length; i++)
			offsets[i] = (i - RADIUS) * (i - RADIUS);
		Operand<TFloat32> g = tf.math.exp(tf.math.neg(tf.math.div(tf.reshape(tf.constant(offsets), tf.constant(
			new int[] { 1, -1 })), tf.math.mul(tf.constant(2f), tf.math.square(sigma)))));
		g = tf.math.div(g, tf.sum(g, tf.constant(1), Sum.keepDims(true))); // [B, 5]
		Operand<TFloat32> kernel = tf.math.mul(tf.expandDims(g, tf.constant(2)), tf.expandDims(g, tf.constant(1)));
		Operand<TFloat32> filter = tf.expandDims(tf.linalg.transpose(kernel, tf.constant(new int[] { 1, 2, 0 })), tf
			.constant(3)); // [5, 5, B, 1]
		Operand<TFloat32> channels = tf.linalg.transpose(x, tf.constant(new int[] { 3, 1, 2, 0 })); // [1, H, W, B]
		Operand<TFloat32> padded = tf.mirrorPad(channels, tf.constant(new int[][] { { 0, 0 }, { RADIUS, RADIUS }, {
			RADIUS, RADIUS }, { 0, 0 } }), "REFLECT");
		Operand<TFloat32> blurred = tf.linalg.transpose(tf.nn.depthwiseConv2dNative(padded, filter, List.of(1L, 1L, 1L,
			1L), "VALID"), tf.constant(new int[] { 3, 1, 2, 0 }));
		Operand<TFloat32> on = tf.reshape(tf.dtypes.cast(tf.math.less(coin, tf.constant(probability)),
			TFloat32.class), tf.constant(new int[] { -1, 1, 1, 1 }));
		return tf.math.add(x, tf.math.mul(on, tf.math.sub(blurred, x)));
	}

	private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> u, int c) {
		return tf.reshape(tf.slice(u, tf.constant(new int[] { 0, c }), tf.constant(new int[] { -1, 1 })), tf.constant(
			new int[] { -1, 1, 1, 1 }));
	}
}
