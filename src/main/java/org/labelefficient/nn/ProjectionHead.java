package org.labelefficient.nn;

import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A pixel-wise projection head for contrastive terms: a 1x1 convolution, ReLU, a 1x1 convolution, then L2
 * normalisation along the channels. It is applied to the feature rows of single pixels ({@code [N, C]} to unit
 * {@code [N, D]}), so that a loss embeds only the pixels it needs; its weights keep the 1x1 convolution layout.
 */
public final class ProjectionHead {

	private final ParameterSet weights;

	/** Creates the head's weights for {@code in} input channels, {@code hidden} and {@code out} embedding channels. */
	public ProjectionHead(ParameterSet weights, int in, int hidden, int out) {
		this.weights = weights;
		weights.trainable("proj1_w", Init.HE_NORMAL, in, 1, 1, in, hidden);
		weights.trainable("proj1_b", Init.ZEROS, 1, hidden);
		weights.trainable("proj2_w", Init.HE_NORMAL, hidden, 1, 1, hidden, out);
		weights.trainable("proj2_b", Init.ZEROS, 1, out);
	}

	public ParameterSet weights() {
		return weights;
	}

	/** Unit embeddings of feature rows {@code [N, in]}, {@code [N, out]}: the head applied to single pixels. */
	public Operand<TFloat32> embedRows(Ops tf, Operand<TFloat32> rows) {
		Operand<TFloat32> h = tf.nn.relu(dense(tf, rows, "proj1"));
		return ClassContrast.l2Normalize(tf, dense(tf, h, "proj2"));
	}

	private Operand<TFloat32> dense(Ops tf, Operand<TFloat32> rows, String name) {
		Operand<TFloat32> w = weights.variable(name + "_w");
		Operand<TFloat32> matrix = tf.reshape(w, tf.slice(tf.shape(w), tf.constant(new int[] { 2 }), tf.constant(
			new int[] { 2 })));
		return tf.nn.biasAdd(tf.linalg.matMul(rows, matrix), weights.variable(name + "_b"));
	}
}
