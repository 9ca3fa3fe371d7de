package org.labelefficient.metrics;

/**
 * Exact Euclidean distance transform of a 2D or 3D {@link Mask} with anisotropic voxel spacing: for every voxel,
 * the distance to the nearest feature (true) voxel. Separable squared transform of Felzenszwalb and Huttenlocher
 * (lower envelope of parabolas along x, then y, then z), linear in the number of voxels. Without any feature voxel
 * every distance is {@code +Infinity}.
 */
public final class DistanceTransform {

	private DistanceTransform() {}

	/** Distances to the nearest feature voxel, in the units of {@code spacing} {x, y, z}. */
	public static double[] distances(Mask features, double[] spacing) {
		double[] d = squared(features, spacing);
		for (int i = 0; i < d.length; i++)
			d[i] = Math.sqrt(d[i]);
		return d;
	}

	/** Squared distances to the nearest feature voxel, in the squared units of {@code spacing} {x, y, z}. */
	public static double[] squared(Mask features, double[] spacing) {
		if (spacing.length != 3) throw new IllegalArgumentException("Spacing needs 3 values (x, y, z)");
		int w = features.width(), h = features.height(), d = features.depth();
		double[] f = new double[features.voxels().length];
		for (int i = 0; i < f.length; i++)
			f[i] = features.voxels()[i] ? 0 : Double.POSITIVE_INFINITY;
		Lines lines = new Lines(Math.max(w, Math.max(h, d)));
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				lines.transform(f, w * (y + h * z), 1, w, spacing[0]);
		for (int z = 0; z < d; z++)
			for (int x = 0; x < w; x++)
				lines.transform(f, x + w * h * z, w, h, spacing[1]);
		if (d > 1) for (int i = 0; i < w * h; i++)
			lines.transform(f, i, w * h, d, spacing[2]);
		return f;
	}

	/** Work buffers for the 1D transform of one line at a time. */
	private static final class Lines {

		private final double[] line, out, bounds;
		private final int[] vertices;

		Lines(int maxLength) {
			line = new double[maxLength];
			out = new double[maxLength];
			bounds = new double[maxLength + 1];
			vertices = new int[maxLength];
		}

		/** Transforms the line of {@code length} values at {@code start}, {@code start + stride}, ... in place. */
		void transform(double[] f, int start, int stride, int length, double spacing) {
			for (int q = 0; q < length; q++)
				line[q] = f[start + q * stride];
			int k = envelope(length, spacing);
			if (k < 0) return; // no finite value: the line stays at infinity
			sample(length, spacing, k);
			for (int q = 0; q < length; q++)
				f[start + q * stride] = out[q];
		}

		/** Builds the lower envelope of the finite parabolas; returns the index of its last one, or -1. */
		private int envelope(int length, double spacing) {
			int k = -1;
			for (int q = 0; q < length; q++) {
				if (line[q] == Double.POSITIVE_INFINITY) continue;
				if (k < 0) {
					k = 0;
					vertices[0] = q;
					bounds[0] = Double.NEGATIVE_INFINITY;
					continue;
				}
				double s = intersection(vertices[k], q, spacing);
				while (s <= bounds[k]) {
					k--;
					s = intersection(vertices[k], q, spacing);
				}
				k++;
				vertices[k] = q;
				bounds[k] = s;
			}
			return k;
		}

		/** Position (physical units) where the parabolas rooted at voxels {@code p < q} meet. */
		private double intersection(int p, int q, double spacing) {
			double pp = p * spacing, pq = q * spacing;
			return ((line[q] + pq * pq) - (line[p] + pp * pp)) / (2 * (pq - pp));
		}

		/** Evaluates the envelope with parabolas {@code 0..last} at every voxel of the line. */
		private void sample(int length, double spacing, int last) {
			int j = 0;
			for (int q = 0; q < length; q++) {
				double x = q * spacing;
				while (j < last && bounds[j + 1] < x)
					j++;
				double dx = x - vertices[j] * spacing;
				out[q] = dx * dx + line[vertices[j]];
			}
		}
	}
}
