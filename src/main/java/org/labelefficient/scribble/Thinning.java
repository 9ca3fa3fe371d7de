package org.labelefficient.scribble;

/**
 * Zhang–Suen thinning (Zhang and Suen, CACM 1984): repeatedly peels border pixels of a binary mask in two
 * alternating sub-iterations until only a one-pixel-wide, 8-connected skeleton is left. A pixel P1 with neighbours
 * P2..P9 (clockwise from north) is removed when it has 2 to 6 neighbours in the mask, exactly one 0→1 transition in
 * the circular sequence P2..P9,P2, and (first sub-iteration) P2·P4·P6 = 0 and P4·P6·P8 = 0, or (second)
 * P2·P4·P8 = 0 and P2·P6·P8 = 0. Pixels outside the image count as background. Small blobs (such as 2x2 squares)
 * may vanish completely; callers handle an empty skeleton.
 */
final class Thinning {

	private static final int[] DX = { 0, 1, 1, 1, 0, -1, -1, -1 };
	private static final int[] DY = { -1, -1, 0, 1, 1, 1, 0, -1 };

	private Thinning() {}

	/** The skeleton of {@code mask} as a new mask. */
	static SliceMask skeleton(SliceMask mask) {
		SliceMask m = mask.copy();
		boolean changed = true;
		while (changed) {
			changed = step(m, true);
			changed |= step(m, false);
		}
		return m;
	}

	/** One sub-iteration; true when a pixel was removed. */
	private static boolean step(SliceMask m, boolean first) {
		java.util.List<Integer> remove = new java.util.ArrayList<>();
		boolean[] p = new boolean[8];
		for (int y = 0; y < m.height; y++)
			for (int x = 0; x < m.width; x++) {
				if (!m.bits[x + m.width * y]) continue;
				for (int k = 0; k < 8; k++)
					p[k] = m.get(x + DX[k], y + DY[k]);
				if (removable(p, first)) remove.add(x + m.width * y);
			}
		for (int i : remove)
			m.bits[i] = false;
		return !remove.isEmpty();
	}

	/** The Zhang–Suen deletion test; {@code p[0..7]} are P2..P9. */
	private static boolean removable(boolean[] p, boolean first) {
		int neighbours = 0, transitions = 0;
		for (int k = 0; k < 8; k++) {
			if (p[k]) neighbours++;
			if (!p[k] && p[(k + 1) % 8]) transitions++;
		}
		if (neighbours < 2 || neighbours > 6 || transitions != 1) return false;
		// p[0]=P2 (N), p[2]=P4 (E), p[4]=P6 (S), p[6]=P8 (W)
		return first ? !(p[0] && p[2] && p[4]) && !(p[2] && p[4] && p[6])
			: !(p[0] && p[2] && p[6]) && !(p[0] && p[4] && p[6]);
	}
}
