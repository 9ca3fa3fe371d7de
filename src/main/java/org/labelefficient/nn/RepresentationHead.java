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
 * ACTION's representation head for the anatomical contrast, on a grid of {@code stride} pixels: every decoder feature
 * map (bottleneck to full resolution) is brought to the grid (maps finer than the grid by averaging over blocks,
 * coarser ones by bilinear resizing with aligned corners, as ACTION upsamples them), the maps are concatenated, and a
 * 3x3 convolution without bias and a 1x1 convolution give a {@code dim}-channel representation per grid cell. Stride
 * 1 is ACTION's full-resolution head; a stride of 4 is where ReCo computes its representations, and what makes the
 * head affordable on a CPU (a sixteenth of the pixels). {@link #classesOnGrid} and {@link #probabilitiesOnGrid} bring
 * the per-pixel classes and probabilities to the same grid.
 */
public final class RepresentationHead {

	private final ParameterSet weights;
	private final int stride;

	/**
	 * Creates the head's weights for decoder maps of {@code inputChannels} channels in all.
	 *
	 * @param stride grid spacing in pixels, a power of two no coarser than the bottleneck
	 */
	public RepresentationHead(ParameterSet weights, int inputChannels, int dim, int stride) {
		if (stride < 1 || Integer.bitCount(stride) != 1) throw new IllegalArgumentException(
			"The representation stride must be a power of two, got " + stride);
		this.weights = weights;
		this.stride = stride;
		weights.trainable("rep1_w", Init.HE_NORMAL, 9L * inputChannels, 3, 3, inputChannels, dim);
		weights.trainable("rep2_w", Init.HE_NORMAL, dim, 1, 1, dim, dim);
		weights.trainable("rep2_b", Init.ZEROS, 1, dim);
	}

	public ParameterSet weights() {
		return weights;
	}

	/**
	 * The representation {@code [B, H/stride, W/stride, dim]} of decoder features ordered from the bottleneck to full
	 * resolution, each map half the size of the next.
	 */
	public Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> decoderFeatures) {
		int n = decoderFeatures.size();
		if (stride >= 1 << n) throw new IllegalArgumentException("A representation stride of " + stride
			+ " is coarser than the bottleneck of a " + n + "-level U-Net");
		Operand<TFloat32> full = decoderFeatures.get(n - 1);
		Operand<TInt32> size = tf.math.floorDiv(tf.slice(tf.shape(full), tf.constant(new int[] { 1 }), tf.constant(
			new int[] { 2 })), tf.constant(stride));
		List<Operand<TFloat32>> maps = new ArrayList<>();
		for (int j = 0; j < n; j++) {
			int scale = 1 << (n - 1 - j);
			Operand<TFloat32> f = decoderFeatures.get(j);
			if (scale < stride) maps.add(blockMean(tf, f, stride / scale));
			else if (scale == stride) maps.add(f);
			else maps.add(tf.image.resizeBilinear(f, size, ResizeBilinear.alignCorners(true)));
		}
		Operand<TFloat32> x = tf.concat(maps, tf.constant(3));
		Operand<TFloat32> h = tf.nn.conv2d(x, weights.variable("rep1_w"), List.of(1L, 1L, 1L, 1L), "SAME");
		return tf.nn.biasAdd(tf.nn.conv2d(h, weights.variable("rep2_w"), List.of(1L, 1L, 1L, 1L), "SAME"), weights
			.variable("rep2_b"));
	}

	/** Per-pixel classes {@code [B, H, W]} on the grid: the class of each cell's centre pixel. */
	public Operand<TInt32> classesOnGrid(Ops tf, Operand<TInt32> classes) {
		if (stride == 1) return classes;
		int c = stride / 2;
		return tf.stridedSlice(classes, tf.constant(new int[] { 0, c, c }), tf.constant(new int[] { 0, 0, 0 }), tf
			.constant(new int[] { 1, stride, stride }), org.tensorflow.op.core.StridedSlice.beginMask(1L).endMask(7L));
	}

	/** Per-pixel probabilities {@code [B, H, W, K]} on the grid: their mean over each cell. */
	public Operand<TFloat32> probabilitiesOnGrid(Ops tf, Operand<TFloat32> probabilities) {
		return stride == 1 ? probabilities : blockMean(tf, probabilities, stride);
	}

	private static Operand<TFloat32> blockMean(Ops tf, Operand<TFloat32> map, long block) {
		return tf.nn.avgPool(map, List.of(1L, block, block, 1L), List.of(1L, block, block, 1L), "VALID");
	}
}
