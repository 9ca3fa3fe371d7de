package org.labelefficient.metrics;

import org.labelefficient.io.Volume;

/**
 * A binary image or volume on a voxel grid of {@code width x height x depth}, stored x fastest like {@link Volume}
 * (index {@code x + width * (y + height * z)}); a 2D mask has depth 1. The array is wrapped, not copied.
 */
public record Mask(boolean[] voxels, int width, int height, int depth) {

	/** Checks that the array matches the size. */
	public Mask {
		if (width <= 0 || height <= 0 || depth <= 0)
			throw new IllegalArgumentException("Mask size must be positive: " + width + "x" + height + "x" + depth);
		if ((long) width * height * depth != voxels.length)
			throw new IllegalArgumentException("Mask of " + width + "x" + height + "x" + depth + " needs "
				+ (long) width * height * depth + " voxels, got " + voxels.length);
	}

	/** An all-false mask of the given size. */
	public static Mask empty(int width, int height, int depth) {
		return new Mask(new boolean[Math.multiplyExact(Math.multiplyExact(width, height), depth)], width, height,
			depth);
	}

	/** The voxels of {@code labels} whose integer value equals {@code label}. */
	public static Mask of(Volume labels, int label) {
		float[] data = labels.data();
		boolean[] voxels = new boolean[data.length];
		for (int i = 0; i < data.length; i++)
			voxels[i] = (int) data[i] == label;
		return new Mask(voxels, labels.width(), labels.height(), labels.depth());
	}

	/** True for a single-slice (2D) mask. */
	public boolean is2D() {
		return depth == 1;
	}

	/** Number of true voxels. */
	public long count() {
		long n = 0;
		for (boolean v : voxels)
			if (v) n++;
		return n;
	}

	/** True when no voxel is set. */
	public boolean isEmpty() {
		for (boolean v : voxels)
			if (v) return false;
		return true;
	}

	/** True when both masks have the same width, height and depth. */
	public boolean sameSize(Mask other) {
		return width == other.width && height == other.height && depth == other.depth;
	}
}
