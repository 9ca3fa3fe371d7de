package org.labelefficient.scribble;

import org.labelefficient.io.Volume;

/**
 * A binary 3D mask of {@code width x height x depth} voxels, x fastest, with cube-shaped (chessboard) erosion and
 * dilation, and the planes through it along each axis as {@link SliceMask}s, so that the 2D stroke picker can draw on
 * them. Voxels outside the volume count as outside the mask.
 */
final class VolumeMask {

	final boolean[] bits;
	final int width;
	final int height;
	final int depth;

	VolumeMask(boolean[] bits, int width, int height, int depth) {
		if (bits.length != width * height * depth) throw new IllegalArgumentException("mask size mismatch");
		this.bits = bits;
		this.width = width;
		this.height = height;
		this.depth = depth;
	}

	/** The voxels of {@code v} whose value equals {@code value}. */
	static VolumeMask ofValue(Volume v, int value) {
		float[] d = v.data();
		boolean[] b = new boolean[d.length];
		for (int i = 0; i < d.length; i++)
			b[i] = d[i] == value;
		return new VolumeMask(b, v.width(), v.height(), v.depth());
	}

	int count() {
		return Bits.count(bits);
	}

	boolean isEmpty() {
		return Bits.none(bits);
	}

	/** Voxels in this mask and not in {@code o}. */
	VolumeMask andNot(VolumeMask o) {
		return new VolumeMask(Bits.and(bits, o.bits, true), width, height, depth);
	}

	/** Voxels in both masks. */
	VolumeMask and(VolumeMask o) {
		return new VolumeMask(Bits.and(bits, o.bits, false), width, height, depth);
	}

	/** The complement. */
	VolumeMask not() {
		boolean[] b = new boolean[bits.length];
		for (int i = 0; i < b.length; i++)
			b[i] = !bits[i];
		return new VolumeMask(b, width, height, depth);
	}

	/** Voxels whose whole (2r+1)-cube lies inside the mask (and the volume). */
	VolumeMask erode(int r) {
		return r <= 0 ? this : filter(r, true);
	}

	/** Voxels within chessboard distance r of the mask. */
	VolumeMask dilate(int r) {
		return r <= 0 ? this : filter(r, false);
	}

	/** Separable cube min (erode) or max (dilate) filter, one axis at a time. */
	private VolumeMask filter(int r, boolean erode) {
		boolean[] b = bits;
		int[] sizes = { width, height, depth }, steps = { 1, width, width * height };
		for (int a = 0; a < 3; a++) {
			boolean[] out = new boolean[b.length];
			for (int i = 0; i < b.length; i++) {
				int pos = i / steps[a] % sizes[a];
				out[i] = window(b, i, pos, sizes[a], steps[a], r, erode);
			}
			b = out;
		}
		return new VolumeMask(b, width, height, depth);
	}

	private static boolean window(boolean[] b, int i, int pos, int size, int step, int r, boolean erode) {
		for (int d = -r; d <= r; d++) {
			int p = pos + d;
			boolean v = p >= 0 && p < size && b[i + d * step];
			if (erode && !v) return false;
			if (!erode && v) return true;
		}
		return erode;
	}

	/** The plane {@code index} across axis {@code axis} (0: x, 1: y, 2: z) as a 2D mask; see {@link #planeVoxel}. */
	SliceMask plane(int axis, int index) {
		int[] s = planeSize(axis);
		SliceMask out = SliceMask.empty(s[0], s[1]);
		for (int v = 0; v < s[1]; v++)
			for (int u = 0; u < s[0]; u++)
				out.bits[u + s[0] * v] = bits[planeVoxel(axis, index, u, v)];
		return out;
	}

	/** Width and height of the planes across {@code axis}: (y, z) across x, (x, z) across y, (x, y) across z. */
	int[] planeSize(int axis) {
		return axis == 0 ? new int[] { height, depth } : axis == 1 ? new int[] { width, depth } : new int[] { width,
			height };
	}

	/** The voxel index of pixel (u, v) of plane {@code index} across {@code axis}. */
	int planeVoxel(int axis, int index, int u, int v) {
		int x = axis == 0 ? index : u, y = axis == 0 ? u : axis == 1 ? index : v, z = axis == 2 ? index : v;
		return x + width * (y + height * z);
	}

	/** The coordinate of voxel {@code i} along {@code axis}. */
	int coordinate(int i, int axis) {
		return axis == 0 ? i % width : axis == 1 ? i / width % height : i / (width * height);
	}

	/** The size along {@code axis}. */
	int size(int axis) {
		return axis == 0 ? width : axis == 1 ? height : depth;
	}
}
