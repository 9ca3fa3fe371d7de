package org.labelefficient.nn;

import java.util.Arrays;

/**
 * Architecture of the U-Net: feature channels per level (the first is the full-resolution level; each further
 * level halves the resolution), dropout per level, number of classes, whether deep-supervision heads at 1/2, 1/4
 * and 1/8 resolution are built, the number of decoders sharing the encoder (2 for PyMIC's dual-branch network,
 * whose prediction is the mean of the branches' logits), the spatial {@code dimensions} (2: NHWC slices; 3: NDHWC
 * volumes) and, per pooling step, the pooling factor of each spatial axis ({@code z, y, x} in 3D; 1 leaves an axis
 * unpooled, as for thick slices). The default matches PyMIC's UNet2D (channels 16..256, dropout 0,0,0,0.5,0.5, one
 * decoder, every axis pooled by 2).
 */
public record UNetConfig(int inChannels, int numClasses, int[] channels, double[] dropout, boolean deepSupervision,
	int decoders, int dimensions, int[][] pooling) {

	/** Validates the settings. */
	public UNetConfig {
		if (dimensions != 2 && dimensions != 3) throw new IllegalArgumentException("dimensions must be 2 or 3, got "
			+ dimensions);
		if (pooling.length != channels.length - 1) throw new IllegalArgumentException("pooling needs one step per level"
			+ " below the first (" + (channels.length - 1) + "), got " + pooling.length);
		for (int[] step : pooling) {
			if (step.length != dimensions) throw new IllegalArgumentException("each pooling step needs " + dimensions
				+ " factors");
			for (int f : step)
				if (f != 1 && f != 2) throw new IllegalArgumentException("pooling factors must be 1 or 2, got " + f);
		}
		pooling = copy(pooling);
		if (inChannels < 1) throw new IllegalArgumentException("in_channels must be at least 1");
		if (decoders < 1) throw new IllegalArgumentException("The U-Net needs at least one decoder");
		if (numClasses < 2) throw new IllegalArgumentException("The network needs at least 2 classes");
		if (channels.length < 2) throw new IllegalArgumentException("The U-Net needs at least 2 levels");
		if (dropout.length != channels.length) throw new IllegalArgumentException("dropout needs one value per level ("
			+ channels.length + "), got " + dropout.length);
		for (double d : dropout)
			if (d < 0 || d >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + d);
		channels = channels.clone();
		dropout = dropout.clone();
	}

	/** A 2D network ({@code decoders} decoders), every axis pooled by 2 at every level. */
	public UNetConfig(int inChannels, int numClasses, int[] channels, double[] dropout, boolean deepSupervision,
		int decoders) {
		this(inChannels, numClasses, channels, dropout, deepSupervision, decoders, 2, uniformPooling(channels.length,
			2));
	}

	/** A network with one decoder. */
	public UNetConfig(int inChannels, int numClasses, int[] channels, double[] dropout, boolean deepSupervision) {
		this(inChannels, numClasses, channels, dropout, deepSupervision, 1);
	}

	/** The same network with {@code n} decoders. */
	public UNetConfig withDecoders(int n) {
		return new UNetConfig(inChannels, numClasses, channels, dropout, deepSupervision, n, dimensions, pooling);
	}

	/** The same design as a 3D network (NDHWC) with the given pooling steps ({@link #poolingFor}). */
	public UNetConfig volumetric(int[][] steps) {
		return new UNetConfig(inChannels, numClasses, channels, dropout, deepSupervision, decoders, 3, steps);
	}

	/** Every axis pooled by 2 at each of the {@code levels - 1} steps. */
	public static int[][] uniformPooling(int levels, int dimensions) {
		int[][] out = new int[levels - 1][dimensions];
		for (int[] step : out)
			java.util.Arrays.fill(step, 2);
		return out;
	}

	/**
	 * The pooling steps of a 3D network for voxels of {@code spacing} ({@code z, y, x}), as nnU-Net plans them: at
	 * each step an axis is pooled only while its current spacing is less than twice the finest current spacing, so
	 * thick-slice volumes are first pooled in-plane until the in-plane spacing reaches the slice spacing.
	 */
	public static int[][] poolingFor(int levels, double[] spacing) {
		double[] current = spacing.clone();
		int[][] out = new int[levels - 1][current.length];
		for (int step = 0; step < out.length; step++) {
			double finest = java.util.Arrays.stream(current).min().orElse(1);
			for (int a = 0; a < current.length; a++) {
				out[step][a] = current[a] < 2 * finest ? 2 : 1;
				current[a] *= out[step][a];
			}
		}
		return out;
	}

	@Override
	public int[][] pooling() {
		return copy(pooling);
	}

	/** Input sizes along each spatial axis ({@code z, y, x} in 3D, {@code y, x} in 2D) must be multiples of these. */
	public int[] divisors() {
		int[] d = new int[dimensions];
		java.util.Arrays.fill(d, 1);
		for (int[] step : pooling)
			for (int a = 0; a < dimensions; a++)
				d[a] *= step[a];
		return d;
	}

	private static int[][] copy(int[][] a) {
		int[][] out = new int[a.length][];
		for (int i = 0; i < a.length; i++)
			out[i] = a[i].clone();
		return out;
	}

	/** PyMIC's UNet2D for {@code numClasses} classes and one input channel, scaled by {@code baseChannels}. */
	public static UNetConfig standard(int numClasses, int baseChannels, boolean deepSupervision) {
		int[] ch = new int[5];
		for (int i = 0; i < 5; i++)
			ch[i] = baseChannels << i;
		return new UNetConfig(1, numClasses, ch, new double[] { 0, 0, 0, 0.5, 0.5 }, deepSupervision);
	}

	/** Number of resolution levels. */
	public int levels() {
		return channels.length;
	}

	/** Input sizes must be multiples of this (2 to the number of poolings; in 3D, of the in-plane poolings). */
	public int sizeDivisor() {
		return dimensions == 2 ? 1 << (channels.length - 1) : divisors()[dimensions - 1];
	}

	@Override
	public int[] channels() {
		return channels.clone();
	}

	@Override
	public double[] dropout() {
		return dropout.clone();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof UNetConfig c && c.inChannels == inChannels && c.numClasses == numClasses
			&& Arrays.equals(c.channels, channels) && Arrays.equals(c.dropout, dropout)
			&& c.deepSupervision == deepSupervision && c.decoders == decoders && c.dimensions == dimensions
			&& Arrays.deepEquals(c.pooling, pooling);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(channels) * 31 + numClasses;
	}

	@Override
	public String toString() {
		return "UNet" + (dimensions == 3 ? "3D" : "") + "(channels=" + Arrays.toString(channels) + ", dropout=" + Arrays
			.toString(dropout) + ", classes=" + numClasses + ", deep_supervision=" + deepSupervision + (dimensions == 3
				? ", pooling=" + Arrays.deepToString(pooling) : "") + ")";
	}
}
