package org.labelefficient.infer;

import java.util.Arrays;

import org.labelefficient.io.Volume;

/**
 * Post-processing that keeps, for each foreground class, only its largest connected component, like PyMIC's
 * {@code KeepLargestComponent} with one component per foreground class. Components are face-connected in full 3D
 * (6 neighbours; 4 in a 2D image of depth 1), the default structure of {@code scipy.ndimage.label}. When two
 * components of a class have the same size, the one met first in x-fastest scan order is kept.
 */
public final class LargestComponent {

	private LargestComponent() {}

	/**
	 * A new label volume (same size and spacing) where voxels of classes 1..numClasses-1 outside their class's largest
	 * component are set to 0; other values are copied unchanged.
	 */
	public static Volume keepLargestPerClass(Volume labels, int numClasses) {
		float[] in = labels.data(), out = in.clone();
		int[] component = new int[in.length];
		int[] queue = new int[in.length];
		for (int c = 1; c < numClasses; c++)
			keepLargest(labels, c, component, queue, out);
		return new Volume(out, labels.width(), labels.height(), labels.depth(), labels.spacing());
	}

	/** Labels the components of class {@code c} and zeroes all but the largest in {@code out}. */
	private static void keepLargest(Volume labels, int c, int[] component, int[] queue, float[] out) {
		float[] in = labels.data();
		Arrays.fill(component, 0);
		int next = 0, best = 0, bestSize = 0;
		for (int seed = 0; seed < in.length; seed++) {
			if ((int) in[seed] != c || component[seed] != 0) continue;
			int size = flood(labels, c, seed, ++next, component, queue);
			if (size > bestSize) {
				bestSize = size;
				best = next;
			}
		}
		for (int i = 0; i < in.length; i++)
			if (component[i] != 0 && component[i] != best) out[i] = 0;
	}

	/** Marks the component of {@code seed} with {@code id} by breadth-first search; returns its size. */
	private static int flood(Volume labels, int c, int seed, int id, int[] component, int[] queue) {
		float[] in = labels.data();
		int w = labels.width(), h = labels.height(), d = labels.depth(), slice = w * h;
		int head = 0, tail = 0;
		queue[tail++] = seed;
		component[seed] = id;
		while (head < tail) {
			int i = queue[head++], x = i % w, y = (i / w) % h, z = i / slice;
			int[] neighbours = { x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1,
				y < h - 1 ? i + w : -1, z > 0 ? i - slice : -1, z < d - 1 ? i + slice : -1 };
			for (int n : neighbours)
				if (n >= 0 && component[n] == 0 && (int) in[n] == c) {
					component[n] = id;
					queue[tail++] = n;
				}
		}
		return tail;
	}
}
