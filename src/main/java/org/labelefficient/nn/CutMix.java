package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * CutMix of the unlabelled samples of a batch (ReCo/ACTION): each unlabelled sample takes the pixels inside a random
 * box from the next unlabelled sample (the last from the first). The box covers {@code area} of the patch: its width
 * is uniform in {@code (area W, W)} and its height {@code round(area H W / width)}, at a uniform position. Labelled
 * samples, which come first in the batch, are left unchanged. One {@link Mixing} mixes an image, its pseudo-labels
 * and their confidences alike.
 */
public final class CutMix {

	/** The partner of every sample and the box, {@code [B, H, W]}, 1 where the partner's pixels are taken. */
	public record Mixing(Operand<TInt32> partner, Operand<TFloat32> box) {}

	private CutMix() {}

	/**
	 * Draws the mixing of a batch of {@code height x width} patches from the stateless {@code seed}.
	 *
	 * @param unlabelled 1 for the unlabelled samples (the last ones of the batch), 0 for the others, {@code [B]}
	 */
	public static Mixing draw(Ops tf, Operand<TFloat32> unlabelled, int height, int width, double area,
		Operand<TInt64> seed) {
		Operand<TInt32> b = tf.shape(unlabelled);
		Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.concat(java.util.List.of(b, tf.constant(
			new int[] { 3 })), tf.constant(0)), seed, TFloat32.class);
		Operand<TFloat32> minWidth = tf.constant((float) Math.floor(area * width) + 1);
		Operand<TFloat32> w = tf.math.floor(tf.math.add(minWidth, tf.math.mul(column(tf, u, 0), tf.math.sub(tf
			.constant((float) width), minWidth))));
		Operand<TFloat32> h = tf.math.round(tf.math.div(tf.constant((float) (area * height * width)), w));
		Operand<TFloat32> x0 = tf.math.floor(tf.math.mul(column(tf, u, 1), tf.math.sub(tf.constant(width + 1f), w)));
		Operand<TFloat32> y0 = tf.math.floor(tf.math.mul(column(tf, u, 2), tf.math.sub(tf.constant(height + 1f), h)));
		Operand<TFloat32> inX = inside(tf, x0, w, width, 1), inY = inside(tf, y0, h, height, 0);
		Operand<TFloat32> box = tf.math.mul(tf.math.mul(inY, inX), tf.reshape(unlabelled, tf.constant(new int[] { -1,
			1, 1 })));
		return new Mixing(partners(tf, unlabelled), tf.stopGradient(box));
	}

	/** Each unlabelled sample's successor among the unlabelled ones (cyclically); a labelled sample is its own. */
	static Operand<TInt32> partners(Ops tf, Operand<TFloat32> unlabelled) {
		Operand<TInt32> n = tf.reshape(tf.shape(unlabelled), tf.constant(new int[0]));
		Operand<TInt32> count = tf.dtypes.cast(tf.sum(unlabelled, tf.constant(0)), TInt32.class);
		Operand<TInt32> first = tf.math.sub(n, count);
		Operand<TInt32> index = tf.range(tf.constant(0), n, tf.constant(1));
		Operand<TInt32> next = tf.math.add(first, tf.math.floorMod(tf.math.add(tf.math.sub(index, first), tf.constant(
			1)), tf.math.maximum(count, tf.constant(1))));
		return tf.select(tf.math.greaterEqual(index, first), next, index);
	}

	/** Mixes a float tensor {@code [B, H, W, ...]}: the partner's values inside the box. */
	public static Operand<TFloat32> mix(Ops tf, Mixing m, Operand<TFloat32> x) {
		Operand<TFloat32> box = m.box();
		for (int d = 3; d < x.shape().numDimensions(); d++)
			box = tf.expandDims(box, tf.constant(-1));
		Operand<TFloat32> other = tf.gather(x, m.partner(), tf.constant(0));
		return tf.math.add(x, tf.math.mul(box, tf.math.sub(other, x)));
	}

	/** Mixes an integer map {@code [B, H, W]} (labels): the partner's values inside the box. */
	public static Operand<TInt32> mixLabels(Ops tf, Mixing m, Operand<TInt32> y) {
		Operand<TInt32> other = tf.gather(y, m.partner(), tf.constant(0));
		return tf.select(tf.math.greater(m.box(), tf.constant(0.5f)), other, y);
	}

	private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> u, int c) {
		return tf.reshape(tf.slice(u, tf.constant(new int[] { 0, c }), tf.constant(new int[] { -1, 1 })), tf.constant(
			new int[] { -1, 1, 1 }));
	}

	/** 1 where the coordinate along {@code axis} (0: rows, 1: columns) lies in [start, start + length). */
	private static Operand<TFloat32> inside(Ops tf, Operand<TFloat32> start, Operand<TFloat32> length, int size,
		int axis) {
		float[] coordinates = new float[size];
		for (int i = 0; i < size; i++)
			coordinates[i] = i;
		Operand<TFloat32> c = tf.reshape(tf.constant(coordinates), tf.constant(axis == 0 ? new int[] { 1, size, 1 }
			: new int[] { 1, 1, size }));
		Operand<TFloat32> after = tf.dtypes.cast(tf.math.greaterEqual(c, start), TFloat32.class);
		Operand<TFloat32> before = tf.dtypes.cast(tf.math.less(c, tf.math.add(start, length)), TFloat32.class);
		return tf.math.mul(after, before);
	}
}
