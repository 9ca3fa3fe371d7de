package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * ACTION's representation head for the anatomical contrast: every decoder feature map (bottleneck to full
 * resolution) is resized bilinearly (align corners) to full resolution, the maps are concatenated, and a 3x3
 * convolution without bias and a 1x1 convolution give a {@code dim}-channel representation per pixel.
 */
public final class RepresentationHead {

	private final ParameterSet weights;

	/** Creates the head's weights for decoder maps of {@code inputChannels} channels in all. */
	public RepresentationHead(ParameterSet weights, int inputChannels, int dim) {
		this.weights = weights;
		weights.trainable("rep1_w", Init.HE_NORMAL, 9L * inputChannels, 3, 3, inputChannels, dim);
		weights.trainable("rep2_w", Init.HE_NORMAL, dim, 1, 1, dim, dim);
		weights.trainable("rep2_b", Init.ZEROS, 1, dim);
	}

	public ParameterSet weights() {
		return weights;
	}

	/** The representation {@code [B, H, W, dim]} of decoder features whose last map is at full resolution. */
	public Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> decoderFeatures) {
		Operand<TFloat32> full = decoderFeatures.get(decoderFeatures.size() - 1);
		Operand<TInt32> size = tf.slice(tf.shape(full), tf.constant(new int[] { 1 }), tf.constant(new int[] { 2 }));
		List<Operand<TFloat32>> maps = new ArrayList<>();
		for (Operand<TFloat32> f : decoderFeatures)
			maps.add(f == full ? f : tf.image.resizeBilinear(f, size, ResizeBilinear.alignCorners(true)));
		Operand<TFloat32> x = tf.concat(maps, tf.constant(3));
		Operand<TFloat32> h = tf.nn.conv2d(x, weights.variable("rep1_w"), List.of(1L, 1L, 1L, 1L), "SAME");
		return tf.nn.biasAdd(tf.nn.conv2d(h, weights.variable("rep2_w"), List.of(1L, 1L, 1L, 1L), "SAME"), weights
			.variable("rep2_b"));
	}
}
