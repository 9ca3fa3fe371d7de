package org.labelefficient.io;

import java.util.List;
import java.util.Locale;

/**
 * What the network sees of a 2D slice, in training and in prediction alike (the choice is recorded in the model):
 * {@code crop}, random patches cut from the slice at its own resolution (prediction covers the slice with overlapping
 * tiles), or {@code slice}, the whole slice resized to the patch size (prediction resizes each slice to the patch
 * size and its probabilities back). Whole slices give the network the slice's full context, which avoids far false
 * positives, at the price of the slice's resolution; the protocol of SSL4MIS (Luo et al.) trains this way.
 */
public enum Sampling {
	/** Random crops at the slice's resolution; tiled prediction. */
	CROP,
	/** The whole slice resized to the patch size. */
	SLICE;

	/** Every mode's name, as options and models spell it. */
	public static List<String> keys() {
		return List.of(CROP.key(), SLICE.key());
	}

	/** The mode named {@code name}; null (a model written before the choice existed) means {@link #CROP}. */
	public static Sampling parse(String name) {
		if (name == null) return CROP;
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("sampling must be crop or slice, got '" + name + "'");
		}
	}

	/** The name written in models and options. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
