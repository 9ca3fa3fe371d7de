package org.labelefficient.metrics;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.labelefficient.io.Volume;

/**
 * Compares with values computed offline by numpy 2.4 / scipy 1.17 using medpy's definitions: for masks a, b,
 * {@code sds(a, b) = distance_transform_edt(~(b ^ binary_erosion(b, generate_binary_structure(ndim, 1))),
 * sampling)[a ^ binary_erosion(a, ...)]}, hd95 = {@code np.percentile(np.hstack((sds(p, r), sds(r, p))), 95)},
 * asd = {@code sds(p, r).mean()}, assd = mean of both directed means. The label strings below are the numpy arrays
 * (shape z, y, x) flattened in C order, i.e. x fastest; they came from thresholded Gaussian-filtered noise.
 */
public class MetricCalculatorScipyTest {

	private static void check(List<ClassMetrics> actual, double[][] expected) {
		assertEquals(expected.length, actual.size());
		for (int c = 0; c < expected.length; c++) {
			ClassMetrics m = actual.get(c);
			double[] e = expected[c];
			String what = "class " + m.label();
			assertEquals(what, e[0], m.dice(), 1e-12);
			assertEquals(what, e[1], m.jaccard(), 1e-12);
			assertEquals(what, e[2], m.hd95(), 1e-9);
			assertEquals(what, e[3], m.asd(), 1e-9);
			assertEquals(what, e[4], m.assd(), 1e-9);
		}
	}

	@Test
	public void anisotropic3DCase() {
		double[] spacing = { 0.7, 1.3, 2.5 };
		Volume p = MaskFixtures.digits("1100100000110020000000022000002222200000222220000022222000002222100000"
			+ "2222100000110000000011002000001102200000100220000022022000002200000000222110000022221000001100000000"
			+ "1100000000110020000011002000001000000000100000000012000000001222200000110000000011000000001100000000"
			+ "1000000000100001000010000100001000010000122220000011000220011100022211100002222200000022220000010222"
			+ "000001000010000100001222210000", 10, 8, 5, spacing);
		Volume r = MaskFixtures.digits("1100122100110022200000022220002222222000222222000022222210002222111100"
			+ "2222111110110002220011002220001102222000100222200022022200002200000000222111110022221111101100022222"
			+ "1100022222110022222211002222221000022222100000002212000010001222211100110002222211000222221100022222"
			+ "1000022222100002222210000022221000000000122221110011000222221100022222100002222200000222220000022222"
			+ "000002222210000222001222211100", 10, 8, 5, spacing);
		check(new MetricCalculator().perClass(p, r, 3), new double[][] {
			{ 0.7384615384615385, 0.5853658536585366, 2.835920366008384, 0.5491228070175438, 0.5786813708794575 },
			{ 0.6229508196721312, 0.4523809523809524, 3.087069808086626, 0.018666666666666665, 0.5442861954381053 } });
	}

	@Test
	public void case2DInVoxels() {
		double[] spacing = { 1, 1, 1 };
		Volume p = MaskFixtures.digits("1022112200001122112200002222112200002222212200001122202000001111101000"
			+ "01111110100111111112100111111122101111111122101111", 12, 10, 1, spacing);
		Volume r = MaskFixtures.digits("1022111111111122111111112222111000112222210000011122200000001111100000"
			+ "20111110000022111112011122111122211122111122221122", 12, 10, 1, spacing);
		check(MetricCalculator.inVoxels().perClass(p, r, 3), new double[][] {
			{ 0.7017543859649122, 0.5405405405405406, 3.7067971810589255, 0.5460164805725366, 0.7859224365103614 },
			{ 0.6666666666666666, 0.5, 5.164213562373095, 0.9937897791806797, 1.3504301691088856 } });
	}
}
