package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * CutMix of the unlabelled samples of a batch (ReCo/ACTION): each unlabelled sample takes the pixels inside a random
 * box from the next unlabelled sample (the last from the first). The box covers {@code area} of the patch: in 2D its
 * width is uniform in {@code (area W, W)} and its height {@code round(area H W / width)}; in 3D it is a cuboid whose
 * edges are {@code area^(1/3)} of the patch's (BCP's copy-paste box on LA, 2/3 of each edge, is {@code area} 0.3);
 * at a uniform position. Labelled samples, which come first in the batch, are left unchanged. One {@link Mixing}
 * mixes an image, its pseudo-labels and their confidences alike.
 */
public final class CutMix {

	/**
	 * The partner of every sample and the box, {@code [B, H, W]} or {@code [B, D, H, W]}, 1 where the partner's pixels
	 * are taken.
	 */
	public record Mixing(Operand<TInt32> partner, Operand<TFloat32> box) {}

	private CutMix() {}

	/**
	 * Draws the mixing of a batch of {@code height x width} patches from the stateless {@code seed}.
	 *
	 * @param unlabelled 1 for the unlabelled samples (the last ones of the batch), 0 for the others, {@code [B]}
	 */
	public static Mixing draw(Ops tf, Operand<TFloat32> unlabelled, int height, int width, double area,
		Operand<TInt64> seed) {
		Operand<TFloat32> u = uniform(tf, unlabelled, seed);
		Operand<TFloat32> minWidth = tf.constant((float) Math.floor(area * width) + 1);
		Operand<TFloat32> w = tf.math.floor(tf.math.add(minWidth, tf.math.mul(column(tf, u, 0, 2), tf.math.sub(tf
			.constant((float) width), minWidth))));
		Operand<TFloat32> h = tf.math.round(tf.math.div(tf.constant((float) (area * height * width)), w));
		Operand<TFloat32> x0 = tf.math.floor(tf.math.mul(column(tf, u, 1, 2), tf.math.sub(tf.constant(width + 1f), w)));
		Operand<TFloat32> y0 = tf.math.floor(tf.math.mul(column(tf, u, 2, 2), tf.math.sub(tf.constant(height + 1f),
			h)));
		Operand<TFloat32> box = tf.math.mul(inside(tf, y0, h, height, 0, 2), inside(tf, x0, w, width, 1, 2));
		return mixing(tf, unlabelled, box, 2);
	}

	/**
	 * Draws the mixing of a batch of patches of {@code size} ({@code y, x} or {@code z, y, x}) from the stateless
	 * {@code seed}: 2D as {@link #draw(Ops, Operand, int, int, double, Operand)}, 3D a cuboid of edges
	 * {@code round(area^(1/3) x size)} (at least 1) at a uniform position.
	 */
	public static Mixing draw(Ops tf, Operand<TFloat32> unlabelled, int[] size, double area, Operand<TInt64> seed) {
		if (size.length == 2) return draw(tf, unlabelled, size[0], size[1], area, seed);
		if (size.length != 3) throw new IllegalArgumentException("CutMix mixes 2D or 3D patches, got " + size.length
			+ " axes");
		Operand<TFloat32> u = uniform(tf, unlabelled, seed);
		Operand<TFloat32> box = null;
		for (int a = 0; a < 3; a++) {
			int edge = (int) Math.max(1, Math.round(Math.cbrt(area) * size[a]));
			Operand<TFloat32> start = tf.math.floor(tf.math.mul(column(tf, u, a, 3), tf.constant((float) (size[a]
				- edge + 1))));
			Operand<TFloat32> in = inside(tf, start, tf.constant((float) edge), size[a], a, 3);
			box = box == null ? in : tf.math.mul(box, in);
		}
		return mixing(tf, unlabelled, box, 3);
	}

	/** The patch size ({@code y, x} or {@code z, y, x}) of a batch of images {@code [B, (D,) H, W, C]}. */
	public static int[] patchSize(Shape images) {
		int[] size = new int[images.numDimensions() - 2];
		for (int a = 0; a < size.length; a++)
			size[a] = (int) images.get(a + 1);
		return size;
	}

	/** Three uniform numbers in [0, 1) per sample, {@code [B, 3]}. */
	private static Operand<TFloat32> uniform(Ops tf, Operand<TFloat32> unlabelled, Operand<TInt64> seed) {
		return tf.random.statelessRandomUniform(tf.concat(java.util.List.of(tf.shape(unlabelled), tf.constant(
			new int[] { 3 })), tf.constant(0)), seed, TFloat32.class);
	}

	/** The mixing of {@code box} (its spatial axes from 1 on), restricted to the unlabelled samples. */
	private static Mixing mixing(Ops tf, Operand<TFloat32> unlabelled, Operand<TFloat32> box, int axes) {
		Operand<TFloat32> only = tf.math.mul(box, tf.reshape(unlabelled, tf.constant(perSample(axes))));
		return new Mixing(partners(tf, unlabelled), tf.stopGradient(only));
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

	/** Mixes a float tensor {@code [B, (D,) H, W, ...]}: the partner's values inside the box. */
	public static Operand<TFloat32> mix(Ops tf, Mixing m, Operand<TFloat32> x) {
		Operand<TFloat32> box = m.box();
		for (int d = box.shape().numDimensions(); d < x.shape().numDimensions(); d++)
			box = tf.expandDims(box, tf.constant(-1));
		Operand<TFloat32> other = tf.gather(x, m.partner(), tf.constant(0));
		return tf.math.add(x, tf.math.mul(box, tf.math.sub(other, x)));
	}

	/** Mixes an integer map {@code [B, (D,) H, W]} (labels): the partner's values inside the box. */
	public static Operand<TInt32> mixLabels(Ops tf, Mixing m, Operand<TInt32> y) {
		Operand<TInt32> other = tf.gather(y, m.partner(), tf.constant(0));
		return tf.select(tf.math.greater(m.box(), tf.constant(0.5f)), other, y);
	}

	/** Column {@code c} of {@code u} shaped to broadcast over {@code axes} spatial axes. */
	private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> u, int c, int axes) {
		return tf.reshape(tf.slice(u, tf.constant(new int[] { 0, c }), tf.constant(new int[] { -1, 1 })), tf.constant(
			perSample(axes)));
	}

	/** {@code [-1, 1, ..., 1]}: one value per sample, broadcast over {@code axes} spatial axes. */
	private static int[] perSample(int axes) {
		int[] shape = new int[axes + 1];
		java.util.Arrays.fill(shape, 1);
		shape[0] = -1;
		return shape;
	}

	/** 1 where the coordinate along spatial {@code axis} (of {@code axes}) lies in [start, start + length). */
	private static Operand<TFloat32> inside(Ops tf, Operand<TFloat32> start, Operand<TFloat32> length, int size,
		int axis, int axes) {
		float[] coordinates = new float[size];
		for (int i = 0; i < size; i++)
			coordinates[i] = i;
		int[] shape = new int[axes + 1];
		java.util.Arrays.fill(shape, 1);
		shape[axis + 1] = size;
		Operand<TFloat32> c = tf.reshape(tf.constant(coordinates), tf.constant(shape));
		Operand<TFloat32> after = tf.dtypes.cast(tf.math.greaterEqual(c, start), TFloat32.class);
		Operand<TFloat32> before = tf.dtypes.cast(tf.math.less(c, tf.math.add(start, length)), TFloat32.class);
		return tf.math.mul(after, before);
	}
}
