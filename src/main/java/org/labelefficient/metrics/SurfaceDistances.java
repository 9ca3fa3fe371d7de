package org.labelefficient.metrics;

/**
 * The two directed sets of surface distances between a prediction and a reference mask, as medpy defines them: for
 * every {@link Surface} voxel of one mask, the Euclidean distance (scaled by the voxel spacing) to the nearest surface
 * voxel of the other. Both masks must be non-empty.
 *
 * @param predictionToReference distances from each prediction surface voxel to the reference surface
 * @param referenceToPrediction distances from each reference surface voxel to the prediction surface
 */
public record SurfaceDistances(double[] predictionToReference, double[] referenceToPrediction) {

	/**
	 * Measures the surface distances between two non-empty masks of the same size; {@code spacing} is {x, y, z}
	 * (z unused for 2D masks).
	 *
	 * @throws IllegalArgumentException when a mask is empty or the sizes differ
	 */
	public static SurfaceDistances between(Mask prediction, Mask reference, double[] spacing) {
		if (!prediction.sameSize(reference)) throw new IllegalArgumentException("Masks differ in size");
		if (prediction.isEmpty() || reference.isEmpty())
			throw new IllegalArgumentException("Surface distances need two non-empty masks");
		Mask p = Surface.of(prediction), r = Surface.of(reference);
		Crop crop = Crop.around(p, r);
		Mask pc = crop.apply(p), rc = crop.apply(r);
		return new SurfaceDistances(directed(pc, rc, spacing), directed(rc, pc, spacing));
	}

	/** Distances from each true voxel of {@code from} (in scan order) to the nearest true voxel of {@code to}. */
	public static double[] directed(Mask from, Mask to, double[] spacing) {
		double[] distance = DistanceTransform.distances(to, spacing);
		double[] result = new double[(int) from.count()];
		boolean[] voxels = from.voxels();
		for (int i = 0, n = 0; i < voxels.length; i++)
			if (voxels[i]) result[n++] = distance[i];
		return result;
	}

	/** 95th percentile (linear interpolation) of both directed distance sets together, medpy's {@code hd95}. */
	public double hd95() {
		double[] all = new double[predictionToReference.length + referenceToPrediction.length];
		System.arraycopy(predictionToReference, 0, all, 0, predictionToReference.length);
		System.arraycopy(referenceToPrediction, 0, all, predictionToReference.length, referenceToPrediction.length);
		return Percentile.linear(all, 95);
	}

	/** Mean distance from the prediction surface to the reference surface, medpy's {@code asd(prediction, reference)}. */
	public double asd() {
		return mean(predictionToReference);
	}

	/** Mean distance from the reference surface to the prediction surface, medpy's {@code asd(reference, prediction)}. */
	public double reverseAsd() {
		return mean(referenceToPrediction);
	}

	/** Average symmetric surface distance: the mean of {@link #asd()} and {@link #reverseAsd()}, medpy's {@code assd}. */
	public double assd() {
		return (asd() + reverseAsd()) / 2;
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double v : values)
			sum += v;
		return sum / values.length;
	}

	/**
	 * The bounding box of two surfaces. Distances between surface voxels do not depend on the grid around them, so
	 * the distance transform runs on this box only.
	 */
	private record Crop(int x0, int y0, int z0, int w, int h, int d) {

		static Crop around(Mask a, Mask b) {
			int width = a.width(), height = a.height();
			int[] lo = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE }, hi = { -1, -1, -1 };
			boolean[] va = a.voxels(), vb = b.voxels();
			for (int i = 0; i < va.length; i++) {
				if (!va[i] && !vb[i]) continue;
				int[] c = { i % width, (i / width) % height, i / (width * height) };
				for (int k = 0; k < 3; k++) {
					lo[k] = Math.min(lo[k], c[k]);
					hi[k] = Math.max(hi[k], c[k]);
				}
			}
			return new Crop(lo[0], lo[1], lo[2], hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1);
		}

		Mask apply(Mask m) {
			Mask out = Mask.empty(w, h, d);
			for (int z = 0; z < d; z++)
				for (int y = 0; y < h; y++)
					System.arraycopy(m.voxels(), x0 + m.width() * (y0 + y + m.height() * (z0 + z)), out.voxels(),
						w * (y + h * z), w);
			return out;
		}
	}
}
