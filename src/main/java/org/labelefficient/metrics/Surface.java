package org.labelefficient.metrics;

/**
 * Surface (border) voxels of a binary mask: the mask minus its binary erosion with face connectivity (4 neighbours
 * in 2D, 6 in 3D), with everything outside the grid taken as background. A mask voxel is therefore on the surface
 * when a face neighbour is background or lies outside the grid, so objects touching the image border have surface
 * there. This matches {@code mask ^ scipy.ndimage.binary_erosion(mask, generate_binary_structure(ndim, 1))} as used
 * by medpy. A mask of depth 1 is treated as 2D.
 */
public final class Surface {

	private Surface() {}

	/** The surface voxels of {@code mask} as a new mask of the same size. */
	public static Mask of(Mask mask) {
		boolean[] in = mask.voxels(), out = new boolean[in.length];
		int w = mask.width(), h = mask.height(), d = mask.depth();
		for (int z = 0, i = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++, i++)
					out[i] = in[i] && !interior(in, i, x, y, z, w, h, d);
		return new Mask(out, w, h, d);
	}

	/** True when all face neighbours of voxel {@code i} = (x, y, z) exist and are set. */
	private static boolean interior(boolean[] in, int i, int x, int y, int z, int w, int h, int d) {
		int slice = w * h;
		boolean inPlane = x > 0 && x < w - 1 && y > 0 && y < h - 1 && in[i - 1] && in[i + 1] && in[i - w]
			&& in[i + w];
		if (!inPlane || d == 1) return inPlane;
		return z > 0 && z < d - 1 && in[i - slice] && in[i + slice];
	}
}
