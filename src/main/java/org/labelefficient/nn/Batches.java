package org.labelefficient.nn;

import java.util.Arrays;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/** Graph ops on the batch (first) dimension. */
public final class Batches {

	private Batches() {}

	/** {@code count} samples of a batch from index {@code from} on ({@code count} -1: all the rest). */
	public static <T extends TType> Operand<T> samples(Ops tf, Operand<T> batch, int from, int count) {
		int rank = batch.shape().numDimensions();
		int[] begin = new int[rank], size = new int[rank];
		Arrays.fill(size, -1);
		begin[0] = from;
		size[0] = count;
		return tf.slice(batch, tf.constant(begin), tf.constant(size));
	}

	/**
	 * 1 for the samples of {@code labels} ({@code [B, (D,) H, W]}) without any label (all below 0), else 0,
	 * {@code [B]}.
	 */
	public static Operand<TFloat32> unlabelled(Ops tf, Operand<TInt32> labels) {
		int[] spatial = new int[labels.shape().numDimensions() - 1];
		for (int a = 0; a < spatial.length; a++)
			spatial[a] = a + 1;
		Operand<TInt32> best = tf.max(labels, tf.constant(spatial), Max.keepDims(false));
		return tf.dtypes.cast(tf.math.less(best, tf.constant(0)), TFloat32.class);
	}
}
