package org.labelefficient.scribble;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.io.Volume;

/**
 * A binary 2D mask of {@code width x height} pixels, x fastest, with the few morphological operations the scribble
 * code needs: square (chessboard) erosion and dilation, and 8-connected components. Pixels outside the image count
 * as outside the mask.
 */
final class SliceMask {

	final boolean[] bits;
	final int width;
	final int height;

	SliceMask(boolean[] bits, int width, int height) {
		if (bits.length != width * height) throw new IllegalArgumentException("mask size mismatch");
		this.bits = bits;
		this.width = width;
		this.height = height;
	}

	static SliceMask empty(int width, int height) {
		return new SliceMask(new boolean[width * height], width, height);
	}

	/** The pixels of slice z of {@code v} whose value equals {@code value}. */
	static SliceMask ofValue(Volume v, int z, int value) {
		int n = v.sliceSize(), off = z * n;
		boolean[] b = new boolean[n];
		float[] d = v.data();
		for (int i = 0; i < n; i++)
			b[i] = d[off + i] == value;
		return new SliceMask(b, v.width(), v.height());
	}

	int count() {
		return Bits.count(bits);
	}

	boolean isEmpty() {
		return Bits.none(bits);
	}

	boolean get(int x, int y) {
		return x >= 0 && y >= 0 && x < width && y < height && bits[x + width * y];
	}

	SliceMask copy() {
		return new SliceMask(bits.clone(), width, height);
	}

	/** Pixels in both masks. */
	SliceMask and(SliceMask o) {
		return new SliceMask(Bits.and(bits, o.bits, false), width, height);
	}

	/** Pixels in this mask and not in {@code o}. */
	SliceMask andNot(SliceMask o) {
		return new SliceMask(Bits.and(bits, o.bits, true), width, height);
	}

	/** Pixels whose whole (2r+1)-square lies inside the mask (and the image): at chessboard distance > r from outside. */
	SliceMask erode(int r) {
		return r <= 0 ? copy() : filter(r, true);
	}

	/** Pixels within chessboard distance r of the mask. */
	SliceMask dilate(int r) {
		return r <= 0 ? copy() : filter(r, false);
	}

	/** Separable square min (erode) or max (dilate) filter with radius r. */
	private SliceMask filter(int r, boolean erode) {
		boolean[] rows = new boolean[bits.length], out = new boolean[bits.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				rows[x + width * y] = window(bits, x + width * y, x, width, 1, r, erode);
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				out[x + width * y] = window(rows, x + width * y, y, height, width, r, erode);
		return new SliceMask(out, width, height);
	}

	/** All (erode) or any (dilate) of the pixels within r steps of {@code i} along one axis. */
	private static boolean window(boolean[] b, int i, int pos, int size, int step, int r, boolean erode) {
		for (int d = -r; d <= r; d++) {
			int p = pos + d;
			boolean v = p >= 0 && p < size && b[i + d * step];
			if (erode && !v) return false;
			if (!erode && v) return true;
		}
		return erode;
	}

	/** The 8-connected components, each as a list of pixel indices in breadth-first order from its first pixel. */
	List<int[]> components() {
		List<int[]> out = new ArrayList<>();
		boolean[] seen = new boolean[bits.length];
		for (int i = 0; i < bits.length; i++)
			if (bits[i] && !seen[i]) out.add(breadthFirst(i, seen, Integer.MAX_VALUE));
		return out;
	}

	/**
	 * Up to {@code limit} pixels of the 8-connected component of {@code start}, in breadth-first order, marking them
	 * in {@code seen}.
	 */
	int[] breadthFirst(int start, boolean[] seen, int limit) {
		int[] queue = new int[bits.length];
		int head = 0, tail = 0;
		queue[tail++] = start;
		seen[start] = true;
		while (head < tail && tail < limit) {
			int i = queue[head++], x = i % width, y = i / width;
			for (int dy = -1; dy <= 1 && tail < limit; dy++)
				for (int dx = -1; dx <= 1 && tail < limit; dx++) {
					int j = (x + dx) + width * (y + dy);
					if ((dx != 0 || dy != 0) && get(x + dx, y + dy) && !seen[j]) {
						seen[j] = true;
						queue[tail++] = j;
					}
				}
		}
		return java.util.Arrays.copyOf(queue, tail);
	}
}
