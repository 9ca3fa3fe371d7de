package org.labelefficient.io;

import java.util.Locale;

/**
 * Per-volume intensity normalisation, applied in the same way before training and before prediction (the mode is
 * recorded in the model): {@code zscore} (zero mean, unit standard deviation), {@code minmax} (to [0, 1]) or
 * {@code none}. Every mode rejects NaN and infinite pixels.
 */
public enum Normalization {
	/** Zero mean, unit standard deviation over the volume. */
	ZSCORE,
	/** Linear map of the volume's minimum and maximum to 0 and 1. */
	MINMAX,
	/** Intensities as read. */
	NONE;

	/** The mode named {@code name} (case-insensitive). */
	public static Normalization parse(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("normalization must be zscore, minmax or none, got '" + name + "'");
		}
	}

	/** The name written in models and options. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A normalised copy of {@code image}.
	 *
	 * @param source the file or case the image came from, named in errors
	 */
	public Volume apply(Volume image, String source) {
		float[] d = image.data();
		double sum = 0, sumSq = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (float v : d) {
			if (!Float.isFinite(v)) throw new BadInputException(source + ": contains NaN or infinite pixels");
			sum += v;
			sumSq += (double) v * v;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		double mean = sum / d.length;
		double std = Math.sqrt(Math.max(0, sumSq / d.length - mean * mean));
		return switch (this) {
			case ZSCORE -> affine(image, mean, std > 1e-8 ? std : 1);
			case MINMAX -> affine(image, min, max - min > 1e-8 ? max - min : 1);
			case NONE -> affine(image, 0, 1);
		};
	}

	private static Volume affine(Volume image, double offset, double scale) {
		float[] d = image.data(), out = new float[d.length];
		for (int i = 0; i < d.length; i++)
			out[i] = (float) ((d[i] - offset) / scale);
		return new Volume(out, image.width(), image.height(), image.depth(), image.spacing());
	}
}
