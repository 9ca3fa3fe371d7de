package org.labelefficient.nn;

import java.util.List;

import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A pixel-wise projection head for contrastive terms: 1x1 convolution, ReLU, 1x1 convolution, then L2 normalisation
 * along the channels, mapping {@code [B, H, W, C]} features to unit embeddings {@code [B, H, W, D]}.
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

	/** Unit embeddings of {@code features}. */
	public Operand<TFloat32> embed(Ops tf, Operand<TFloat32> features) {
		Operand<TFloat32> h = tf.nn.relu(conv(tf, features, "proj1"));
		return ClassContrast.l2Normalize(tf, conv(tf, h, "proj2"));
	}

	private Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, String name) {
		return tf.nn.biasAdd(tf.nn.conv2d(x, weights.variable(name + "_w"), List.of(1L, 1L, 1L, 1L), "SAME"), weights
			.variable(name + "_b"));
	}
}
