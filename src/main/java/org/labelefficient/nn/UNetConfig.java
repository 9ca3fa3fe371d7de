package org.labelefficient.nn;

import java.util.Arrays;

/**
 * Architecture of the 2D U-Net: feature channels per level (the first is the full-resolution level; each further
 * level halves the resolution), dropout per level, number of classes, whether deep-supervision heads at 1/2, 1/4
 * and 1/8 resolution are built, and the number of decoders sharing the encoder (2 for PyMIC's dual-branch network,
 * whose prediction is the mean of the branches' logits). The default matches PyMIC's UNet2D (channels 16..256,
 * dropout 0,0,0,0.5,0.5, one decoder).
 */
public record UNetConfig(int inChannels, int numClasses, int[] channels, double[] dropout, boolean deepSupervision,
	int decoders) {

	/** Validates the settings. */
	public UNetConfig {
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

	/** A network with one decoder. */
	public UNetConfig(int inChannels, int numClasses, int[] channels, double[] dropout, boolean deepSupervision) {
		this(inChannels, numClasses, channels, dropout, deepSupervision, 1);
	}

	/** The same network with {@code n} decoders. */
	public UNetConfig withDecoders(int n) {
		return new UNetConfig(inChannels, numClasses, channels, dropout, deepSupervision, n);
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

	/** Input sizes must be multiples of this (2 to the number of poolings). */
	public int sizeDivisor() {
		return 1 << (channels.length - 1);
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
			&& c.deepSupervision == deepSupervision && c.decoders == decoders;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(channels) * 31 + numClasses;
	}

	@Override
	public String toString() {
		return "UNet(channels=" + Arrays.toString(channels) + ", dropout=" + Arrays.toString(dropout) + ", classes="
			+ numClasses + ", deep_supervision=" + deepSupervision + ")";
	}
}
