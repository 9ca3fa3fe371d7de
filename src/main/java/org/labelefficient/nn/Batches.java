package org.labelefficient.nn;

import java.util.Arrays;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
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
}
