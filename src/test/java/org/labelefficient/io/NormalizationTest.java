package org.labelefficient.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class NormalizationTest {

	private final Volume v = new Volume(new float[] { 1, 2, 3, 6 }, 2, 2, 1);

	@Test
	public void zscoreGivesZeroMeanUnitStd() {
		float[] z = Normalization.parse("zscore").apply(v, "v").data();
		double std = Math.sqrt((2 * 2 + 1 * 1 + 0 + 3 * 3) / 4.0); // mean 3
		assertEquals((1 - 3) / std, z[0], 1e-6);
		assertEquals((6 - 3) / std, z[3], 1e-6);
	}

	@Test
	public void minmaxMapsToUnitRange() {
		float[] m = Normalization.MINMAX.apply(v, "v").data();
		assertEquals(0, m[0], 0);
		assertEquals(0.4, m[2], 1e-6);
		assertEquals(1, m[3], 0);
	}

	@Test
	public void constantImageAndUnknownModeAndInfinity() {
		Volume flat = new Volume(new float[] { 5, 5 }, 2, 1, 1);
		assertEquals(0, Normalization.ZSCORE.apply(flat, "f").data()[1], 0);
		assertThrows(BadInputException.class, () -> Normalization.parse("robust"));
		Volume inf = new Volume(new float[] { 1, Float.POSITIVE_INFINITY }, 2, 1, 1);
		BadInputException e = assertThrows(BadInputException.class, () -> Normalization.NONE.apply(inf, "a.tif"));
		assertEquals("a.tif: contains NaN or infinite pixels", e.getMessage());
	}
}
