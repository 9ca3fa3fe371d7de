package org.labelefficient.scribble;

import java.util.List;
import java.util.Random;

/**
 * Picks one stroke inside a region: a random connected portion of the region's skeleton ({@link Thinning}), grown
 * along the skeleton breadth-first from a random pixel of its largest piece until it holds the target number of
 * pixels. When the skeleton is too short, the stroke is thickened by one-pixel dilations kept inside the region until
 * it reaches the target (or fills the region).
 */
final class StrokePicker {

	private StrokePicker() {}

	/** A stroke of about {@code target} (at least 1) pixels inside the non-empty {@code region}. */
	static SliceMask pick(SliceMask region, int target, Random random) {
		int goal = Math.max(1, Math.min(target, region.count()));
		SliceMask skeleton = Thinning.skeleton(region);
		if (skeleton.isEmpty()) skeleton = centralPixel(region);
		SliceMask stroke = skeletonPortion(skeleton, goal, random);
		thicken(stroke, region, goal);
		return stroke;
	}

	/** Up to {@code goal} connected skeleton pixels grown from a random pixel of the largest skeleton piece. */
	private static SliceMask skeletonPortion(SliceMask skeleton, int goal, Random random) {
		List<int[]> pieces = skeleton.components();
		int[] largest = pieces.get(0);
		for (int[] p : pieces)
			if (p.length > largest.length) largest = p;
		int start = largest[random.nextInt(largest.length)];
		int[] portion = skeleton.breadthFirst(start, new boolean[skeleton.bits.length], goal);
		SliceMask stroke = SliceMask.empty(skeleton.width, skeleton.height);
		for (int i : portion)
			stroke.bits[i] = true;
		return stroke;
	}

	/** Adds one-pixel rings (8-neighbours inside {@code region}) in scan order until {@code goal} pixels. */
	private static void thicken(SliceMask stroke, SliceMask region, int goal) {
		int n = stroke.count();
		while (n < goal) {
			SliceMask ring = stroke.dilate(1).and(region).andNot(stroke);
			if (ring.isEmpty()) return;
			for (int i = 0; i < ring.bits.length && n < goal; i++)
				if (ring.bits[i]) {
					stroke.bits[i] = true;
					n++;
				}
		}
	}

	/** The region pixel nearest to the region's centroid (for regions whose skeleton vanished). */
	private static SliceMask centralPixel(SliceMask region) {
		double sx = 0, sy = 0;
		int n = 0;
		for (int i = 0; i < region.bits.length; i++)
			if (region.bits[i]) {
				sx += i % region.width;
				sy += i / region.width;
				n++;
			}
		int best = -1;
		double bestD = Double.MAX_VALUE;
		for (int i = 0; i < region.bits.length; i++)
			if (region.bits[i]) {
				double d = Math.hypot(i % region.width - sx / n, i / region.width - sy / n);
				if (d < bestD) {
					bestD = d;
					best = i;
				}
			}
		SliceMask out = SliceMask.empty(region.width, region.height);
		out.bits[best] = true;
		return out;
	}
}
