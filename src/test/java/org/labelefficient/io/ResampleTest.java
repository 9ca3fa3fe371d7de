package org.labelefficient.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class ResampleTest {

	@Test
	public void theSameSizeGivesTheSameValues() {
		float[] a = { 1, 2, 3, 4, 5, 6 };
		assertArrayEquals(a, Resample.bilinear(a, 3, 2, 1, 3, 2), 0f);
		byte[] b = { 1, 2, 3, 4, 5, 6 };
		assertArrayEquals(b, Resample.nearest(b, 2, 3, 2, 3));
	}

	@Test
	public void bilinearReproducesALinearRampInsideAndRepeatsTheEdges() {
		// x = 0..3 at pixel centres 0.5..3.5; doubled, output centre i maps to source (i + 0.5) / 2 - 0.5
		float[] ramp = { 0, 1, 2, 3 };
		float[] up = Resample.bilinear(ramp, 4, 1, 1, 8, 1);
		assertArrayEquals(new float[] { 0, 0.25f, 0.75f, 1.25f, 1.75f, 2.25f, 2.75f, 3 }, up, 1e-6f);
		float[] down = Resample.bilinear(up, 8, 1, 1, 4, 1);
		assertArrayEquals(new float[] { 0.125f, 1f, 2f, 2.875f }, down, 1e-6f);
	}

	@Test
	public void channelsAreResizedEachOnTheirOwnAndProbabilitiesStayNormalised() {
		int w = 5, h = 3, k = 3;
		float[] p = new float[w * h * k];
		for (int i = 0; i < w * h; i++) {
			p[i * k] = 0.2f;
			p[i * k + 1] = (i % w) / 10f;
			p[i * k + 2] = 0.8f - p[i * k + 1];
		}
		float[] q = Resample.bilinear(p, w, h, k, 11, 7);
		assertEquals(11 * 7 * k, q.length);
		for (int i = 0; i < 11 * 7; i++) {
			assertEquals(0.2f, q[i * k], 1e-6f);
			assertEquals(1f, q[i * k] + q[i * k + 1] + q[i * k + 2], 1e-5f);
		}
	}

	@Test
	public void nearestKeepsLabelValuesAndBlocksSurviveARoundTrip() {
		byte[] labels = { 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, (byte) 255, (byte) 255, 2, 2, (byte) 255, (byte) 255 };
		byte[] small = Resample.nearest(labels, 4, 4, 2, 2);
		assertArrayEquals(new byte[] { 0, 1, 2, (byte) 255 }, small);
		assertArrayEquals(labels, Resample.nearest(small, 2, 2, 4, 4));
	}

	@Test
	public void sizesThatDoNotMatchTheArrayAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> Resample.bilinear(new float[5], 2, 2, 1, 4, 4));
		assertThrows(IllegalArgumentException.class, () -> Resample.nearest(new byte[4], 2, 2, 0, 4));
	}
}
