package org.labelefficient.metrics;

import static org.junit.Assert.assertEquals;

import java.util.Random;

import org.junit.Test;

public class DistanceTransformTest {

	@Test
	public void matchesBruteForceOnRandom3DVolumesWithAnisotropicSpacing() {
		Random random = new Random(42);
		for (int trial = 0; trial < 20; trial++) {
			int w = 2 + random.nextInt(9), h = 2 + random.nextInt(9), d = 1 + random.nextInt(6);
			double[] spacing = { 0.3 + random.nextDouble() * 3, 0.3 + random.nextDouble() * 3, 0.3 + random
				.nextDouble() * 3 };
			Mask m = Mask.empty(w, h, d);
			double density = trial % 2 == 0 ? 0.05 : 0.4;
			for (int i = 0; i < m.voxels().length; i++)
				m.voxels()[i] = random.nextDouble() < density;
			m.voxels()[random.nextInt(m.voxels().length)] = true;
			double[] expected = bruteForceSquared(m, spacing), actual = DistanceTransform.squared(m, spacing);
			for (int i = 0; i < expected.length; i++)
				assertEquals("trial " + trial + " voxel " + i, expected[i], actual[i], 1e-9 * (1 + expected[i]));
		}
	}

	@Test
	public void distancesIn2DAreEuclidean() {
		Mask m = Mask.empty(5, 4, 1);
		m.voxels()[0] = true; // (0, 0)
		double[] d = DistanceTransform.distances(m, new double[] { 2, 3, 100 });
		assertEquals(0, d[0], 0);
		assertEquals(8, d[4], 1e-12); // (4, 0)
		assertEquals(Math.hypot(8, 9), d[4 + 5 * 3], 1e-12); // (4, 3)
	}

	@Test
	public void noFeatureGivesInfinity() {
		double[] d = DistanceTransform.distances(Mask.empty(3, 3, 2), new double[] { 1, 1, 1 });
		for (double v : d)
			assertEquals(Double.POSITIVE_INFINITY, v, 0);
	}

	/**
	 * A volume of a real scan's size: exact distances at a hand-computed voxel and at voxels drawn at random, against
	 * the nearest of all feature voxels. Not timed: a loaded machine failed the 2-second limit this test once had.
	 */
	@Test
	public void largeAnisotropicVolumeHasExactDistances() {
		int w = 256, h = 256;
		Mask m = MaskFixtures.box(w, h, 20, 100, 140, 90, 180, 5, 15);
		double[] spacing = { 1.5, 1.5, 10 };
		double[] d = DistanceTransform.squared(m, spacing);
		// voxel (239, 230, 0); nearest feature (139, 179, 5): (100 * 1.5)^2 + (51 * 1.5)^2 + (5 * 10)^2
		assertEquals(150 * 150 + 76.5 * 76.5 + 50 * 50, d[239 + w * 230], 1e-6);
		Random random = new Random(7);
		for (int n = 0; n < 50; n++) {
			int i = random.nextInt(d.length);
			double nearest = nearestSquared(m, spacing, i);
			assertEquals("voxel " + i, nearest, d[i], 1e-9 * (1 + nearest));
		}
	}

	/** Squared distance from every voxel to every feature voxel. */
	static double[] bruteForceSquared(Mask features, double[] spacing) {
		double[] result = new double[features.voxels().length];
		for (int i = 0; i < result.length; i++)
			result[i] = nearestSquared(features, spacing, i);
		return result;
	}

	/** Squared distance from voxel {@code i} to the nearest feature voxel, by trying them all. */
	private static double nearestSquared(Mask features, double[] spacing, int i) {
		int w = features.width(), h = features.height();
		double nearest = Double.POSITIVE_INFINITY;
		for (int j = 0; j < features.voxels().length; j++)
			if (features.voxels()[j]) {
				double dx = (i % w - j % w) * spacing[0];
				double dy = ((i / w) % h - (j / w) % h) * spacing[1];
				double dz = (i / (w * h) - j / (w * h)) * spacing[2];
				nearest = Math.min(nearest, dx * dx + dy * dy + dz * dz);
			}
		return nearest;
	}
}
