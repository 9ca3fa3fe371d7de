package org.labelefficient.io;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A 2D image or 3D volume of float voxels with its voxel spacing. Voxels are stored x fastest, then y, then z
 * (index {@code x + width * (y + height * z)}); a 2D image has depth 1. Label and scribble images use the same type
 * with integer values. {@link #img()} views the voxels as an ImgLib2 image without copying.
 */
public final class Volume {

	private final float[] data;
	private final int width;
	private final int height;
	private final int depth;
	private final double[] spacing;

	/** Wraps {@code data} (not copied) with the given size and spacing {x, y, z}. */
	public Volume(float[] data, int width, int height, int depth, double[] spacing) {
		if (width <= 0 || height <= 0 || depth <= 0)
			throw new IllegalArgumentException("Volume size must be positive: " + width + "x" + height + "x" + depth);
		if ((long) width * height * depth != data.length)
			throw new IllegalArgumentException("Volume of " + width + "x" + height + "x" + depth + " needs "
				+ (long) width * height * depth + " voxels, got " + data.length);
		if (spacing.length != 3) throw new IllegalArgumentException("Spacing needs 3 values (x, y, z)");
		this.data = data;
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.spacing = spacing.clone();
	}

	/** Wraps {@code data} (not copied) with unit spacing. */
	public Volume(float[] data, int width, int height, int depth) {
		this(data, width, height, depth, new double[] { 1, 1, 1 });
	}

	/** A new zero-filled volume. */
	public static Volume zeros(int width, int height, int depth, double[] spacing) {
		return new Volume(new float[Math.multiplyExact(Math.multiplyExact(width, height), depth)], width, height,
			depth, spacing);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int depth() {
		return depth;
	}

	/** Voxel spacing {x, y, z} (a copy). */
	public double[] spacing() {
		return spacing.clone();
	}

	/** The backing array (not a copy). */
	public float[] data() {
		return data;
	}

	/** Number of voxels in one z-slice. */
	public int sliceSize() {
		return width * height;
	}

	public float get(int x, int y, int z) {
		return data[x + width * (y + height * z)];
	}

	public void set(int x, int y, int z, float value) {
		data[x + width * (y + height * z)] = value;
	}

	/** A copy of z-slice {@code z} as a 2D volume. */
	public Volume slice(int z) {
		int n = sliceSize();
		return new Volume(Arrays.copyOfRange(data, z * n, (z + 1) * n), width, height, 1, spacing);
	}

	/** True when both volumes have the same width, height and depth. */
	public boolean sameSize(Volume other) {
		return width == other.width && height == other.height && depth == other.depth;
	}

	/** The voxels as an ImgLib2 image of size {width, height, depth}, sharing this volume's array. */
	public ArrayImg<FloatType, FloatArray> img() {
		return ArrayImgs.floats(data, width, height, depth);
	}

	@Override
	public String toString() {
		return width + "x" + height + "x" + depth;
	}
}
