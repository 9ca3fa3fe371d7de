package org.labelefficient.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The local views of ACTION's stage ii: an output map {@code [B, P, P, C]} cut into square windows of side P/4 every
 * P/8 pixels (7 x 7 windows, the last one flush with the border), each average-pooled to {@code pooling x pooling}.
 * Computed as one block average pooling of the whole map followed by overlapping windows of the pooled map, which is
 * the same thing. P must be a multiple of {@code 4 pooling} and {@code pooling} even.
 */
public final class LocalPatches {

	/** Windows per axis. */
	public static final int PER_AXIS = 7;

	private LocalPatches() {}

	/** Whether a patch of side {@code patchSize} can be cut with {@code pooling}. */
	public static boolean fits(int patchSize, int pooling) {
		return pooling >= 2 && pooling % 2 == 0 && patchSize % (4 * pooling) == 0;
	}

	/** The pooled windows, {@code [B, 49, pooling, pooling, C]}, windows in row-major order. */
	public static Operand<TFloat32> windows(Ops tf, Operand<TFloat32> map, int pooling) {
		int p = (int) map.shape().get(1), c = (int) map.shape().get(3);
		if (!fits(p, pooling)) throw new IllegalArgumentException("Patch " + p + " cannot be cut with pooling "
			+ pooling);
		long block = p / (4L * pooling);
		Operand<TFloat32> pooled = tf.nn.avgPool(map, java.util.List.of(1L, block, block, 1L), java.util.List.of(1L,
			block, block, 1L), "VALID");
		int[][] index = new int[PER_AXIS][pooling];
		for (int w = 0; w < PER_AXIS; w++)
			for (int i = 0; i < pooling; i++)
				index[w][i] = w * pooling / 2 + i;
		Operand<TFloat32> rows = tf.gather(pooled, tf.constant(index), tf.constant(1)); // [B, 7, k, 4k, C]
		Operand<TFloat32> both = tf.gather(rows, tf.constant(index), tf.constant(3)); // [B, 7, k, 7, k, C]
		Operand<TFloat32> ordered = tf.linalg.transpose(both, tf.constant(new int[] { 0, 1, 3, 2, 4, 5 }));
		return tf.reshape(ordered, tf.constant(new int[] { -1, PER_AXIS * PER_AXIS, pooling, pooling, c }));
	}
}
