package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A stack of dense layers with bias and no nonlinearity between them, acting on the last axis of a tensor of any rank
 * (so on pixels it is a stack of 1x1 convolutions): the projection heads and predictors of ACTION's code, which are
 * linear.
 */
public final class LinearHead {

	private final ParameterSet weights;
	private final String name;
	private final int[] widths;

	/** Creates layers mapping {@code widths[0]} features to {@code widths[1]}, then to {@code widths[2]}, ... */
	public LinearHead(ParameterSet weights, String name, int... widths) {
		if (widths.length < 2) throw new IllegalArgumentException("A head needs an input and an output width");
		this.weights = weights;
		this.name = name;
		this.widths = widths.clone();
		for (int l = 1; l < widths.length; l++) {
			weights.trainable(name + l + "_w", Init.HE_NORMAL, widths[l - 1], widths[l - 1], widths[l]);
			weights.trainable(name + l + "_b", Init.ZEROS, 1, widths[l]);
		}
	}

	public ParameterSet weights() {
		return weights;
	}

	/** The output width. */
	public int outputWidth() {
		return widths[widths.length - 1];
	}

	/** Applies the layers to the last axis of {@code x} ({@code [..., widths[0]]}). */
	public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
		int rank = x.shape().numDimensions();
		Operand<TInt32> outer = tf.slice(tf.shape(x), tf.constant(new int[] { 0 }), tf.constant(new int[] { rank
			- 1 }));
		Operand<TFloat32> h = tf.reshape(x, tf.constant(new int[] { -1, widths[0] }));
		for (int l = 1; l < widths.length; l++)
			h = tf.math.add(tf.linalg.matMul(h, weights.variable(name + l + "_w")), weights.variable(name + l + "_b"));
		List<Operand<TInt32>> shape = new ArrayList<>(List.of(outer, tf.constant(new int[] { outputWidth() })));
		return tf.reshape(h, tf.concat(shape, tf.constant(0)));
	}
}
