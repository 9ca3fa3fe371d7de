package org.labelefficient.metrics;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class PercentileTest {

	@Test
	public void interpolatesLinearlyLikeNumpy() {
		// numpy.percentile([4, 1, 3, 2], 95) == 3.85; numpy.percentile([0]*16 + [3], 95) == 0.6
		assertEquals(3.85, Percentile.linear(new double[] { 4, 1, 3, 2 }, 95), 1e-12);
		double[] v = new double[17];
		v[5] = 3;
		assertEquals(0.6, Percentile.linear(v, 95), 1e-12);
		assertEquals(7, Percentile.linear(new double[] { 7 }, 95), 0);
		assertEquals(1, Percentile.linear(new double[] { 3, 1, 2 }, 0), 0);
		assertEquals(3, Percentile.linear(new double[] { 3, 1, 2 }, 100), 0);
	}

	@Test(expected = IllegalArgumentException.class)
	public void rejectsNoValues() {
		Percentile.linear(new double[0], 95);
	}
}
