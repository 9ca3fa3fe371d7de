package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Helpers for gradient lists. */
public final class Gradients {

	private Gradients() {}

	/**
	 * Wraps raw gradient outputs as float operands that all depend on every gradient, so that no variable update
	 * that reads them can start before the whole backward pass has finished.
	 */
	@SuppressWarnings("unchecked")
	public static List<Operand<TFloat32>> of(Ops tf, Output<?>[] grads) {
		List<Op> all = new ArrayList<>();
		List<Operand<TFloat32>> raw = new ArrayList<>();
		for (Output<?> g : grads) {
			if (g == null) throw new IllegalStateException("A variable does not influence the loss");
			Operand<TFloat32> f = (Operand<TFloat32>) g;
			raw.add(f);
			all.add(tf.identity(f));
		}
		Ops after = tf.withControlDependencies(all);
		List<Operand<TFloat32>> out = new ArrayList<>();
		for (Operand<TFloat32> g : raw)
			out.add(after.identity(g));
		return out;
	}

	/** The sum over all gradients of the sum of elementwise products {@code sum_i <a_i, b_i>}, as a scalar. */
	public static Operand<TFloat32> dot(Ops tf, List<Operand<TFloat32>> a, List<Operand<TFloat32>> b) {
		Operand<TFloat32> total = tf.constant(0f);
		for (int i = 0; i < a.size(); i++)
			total = tf.math.add(total, Losses.sumAll(tf, tf.math.mul(a.get(i), b.get(i))));
		return total;
	}
}
