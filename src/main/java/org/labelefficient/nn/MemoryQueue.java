package org.labelefficient.nn;

import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A first-in-first-out memory of the last {@code size} embeddings (MoCo/ISD style), held in graph variables so that
 * it is checkpointed with the weights: {@code entries} {@code [size, ...]} starts as Gaussian noise, and each
 * {@link #enqueue} writes a batch of keys over the oldest entries from a pointer that then advances by the batch size,
 * wrapping around at the end (so the size need not be a multiple of the batch size, but must not be smaller).
 */
public final class MemoryQueue {

	private final ParameterSet weights;
	private final int size;

	/** Creates a queue of {@code size} entries of shape {@code entryShape} in {@code weights}. */
	public MemoryQueue(ParameterSet weights, int size, long... entryShape) {
		if (size < 1) throw new IllegalArgumentException("A memory queue needs at least one entry");
		this.weights = weights;
		this.size = size;
		long[] shape = new long[entryShape.length + 1];
		shape[0] = size;
		System.arraycopy(entryShape, 0, shape, 1, entryShape.length);
		weights.state("entries", Init.HE_NORMAL, shape);
		weights.state("pointer", Init.ZEROS);
	}

	public ParameterSet weights() {
		return weights;
	}

	/** The entries, {@code [size, ...]}. */
	public Variable<TFloat32> entries() {
		return weights.variable("entries");
	}

	/**
	 * Writes {@code keys} ({@code [B, ...]}, B at most the size) into the rows after the pointer, modulo the size, and
	 * advances the pointer by B. Run it after everything that reads the entries in the same step.
	 */
	public Op enqueue(Ops tf, Operand<TFloat32> keys) {
		Variable<TFloat32> pointer = weights.variable("pointer");
		Operand<TInt32> start = tf.dtypes.cast(pointer, TInt32.class);
		Operand<TInt32> n = tf.slice(tf.shape(keys), tf.constant(new int[] { 0 }), tf.constant(new int[] { 1 }));
		Operand<TInt32> count = tf.reshape(n, tf.constant(new int[0]));
		Operand<TInt32> k = tf.constant(size);
		Operand<TInt32> rows = tf.math.floorMod(tf.math.add(start, tf.range(tf.constant(0), count, tf.constant(1))), k);
		Op write = tf.scatterUpdate(entries(), rows, tf.stopGradient(keys));
		Operand<TFloat32> next = tf.dtypes.cast(tf.math.floorMod(tf.math.add(start, count), k), TFloat32.class);
		Op advance = tf.withControlDependencies(java.util.List.of(write)).assign(pointer, next);
		return tf.withControlDependencies(java.util.List.of(write, advance)).noOp();
	}
}
