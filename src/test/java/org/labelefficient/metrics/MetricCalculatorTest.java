package org.labelefficient.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.labelefficient.metrics.MaskFixtures.box;
import static org.labelefficient.metrics.MaskFixtures.labels;

import java.util.List;

import org.junit.Test;
import org.labelefficient.io.Volume;

public class MetricCalculatorTest {

	private static final double EPS = 1e-12;

	private static ClassMetrics single(MetricCalculator calc, Volume p, Volume r) {
		List<ClassMetrics> list = calc.perClass(p, r, 2);
		assertEquals(1, list.size());
		assertEquals(1, list.get(0).label());
		return list.get(0);
	}

	@Test
	public void twoOverlappingSquaresIn2D() {
		// 4x4 squares, the second shifted by 2 along x: overlap 2x4 = 8 of 16 + 16 voxels
		ClassMetrics m = single(MetricCalculator.inVoxels(), labels(box(10, 10, 1, 2, 6, 2, 6, 0, 1)), labels(box(
			10, 10, 1, 4, 8, 2, 6, 0, 1)));
		assertEquals(0.5, m.dice(), EPS);
		assertEquals(1.0 / 3, m.jaccard(), EPS);
	}

	@Test
	public void squareShiftedByOneVoxel() {
		// 12 surface pixels each: 6 lie on the other surface (distance 0), 6 are one step from it
		Volume p = labels(box(10, 10, 1, 2, 6, 2, 6, 0, 1)), r = labels(box(10, 10, 1, 3, 7, 2, 6, 0, 1));
		ClassMetrics m = single(MetricCalculator.inVoxels(), p, r);
		assertEquals(1, m.hd95(), EPS);
		assertEquals(0.5, m.asd(), EPS);
		assertEquals(0.5, m.assd(), EPS);
		// with spacing x = 0.7, y = 2 the one-step distances are 0.7 (the x neighbour is nearer than the y one)
		ClassMetrics s = single(new MetricCalculator(new double[] { 0.7, 2, 1 }), p, r);
		assertEquals(0.7, s.hd95(), EPS);
		assertEquals(0.35, s.asd(), EPS);
		assertEquals(0.35, s.assd(), EPS);
	}

	@Test
	public void lineShiftedByOneVoxelUsesTheVolumeSpacing() {
		Volume p = labels(box(10, 10, 1, 2, 8, 3, 4, 0, 1), 1, 1.3, 1);
		Volume r = labels(box(10, 10, 1, 2, 8, 4, 5, 0, 1), 1, 1.3, 1);
		ClassMetrics m = single(new MetricCalculator(), p, r);
		assertEquals(1.3, m.hd95(), EPS);
		assertEquals(1.3, m.asd(), EPS);
		assertEquals(1.3, m.assd(), EPS);
		assertEquals(0, m.dice(), EPS);
		assertEquals(1, single(MetricCalculator.inVoxels(), p, r).hd95(), EPS);
	}

	@Test
	public void planeShiftedAlongZ() {
		Volume p = labels(box(5, 5, 4, 1, 4, 1, 4, 1, 2), 0.5, 0.5, 2.5);
		Volume r = labels(box(5, 5, 4, 1, 4, 1, 4, 2, 3), 0.5, 0.5, 2.5);
		ClassMetrics m = single(new MetricCalculator(), p, r);
		assertEquals(2.5, m.hd95(), EPS);
		assertEquals(2.5, m.asd(), EPS);
	}

	@Test
	public void extraPixelMakesAsdAsymmetric() {
		// reference: 3x3 square (8 surface pixels); prediction: the same square plus a lone pixel 3 steps away.
		// prediction -> reference: 8 zeros and 3, so asd = 3/9; reference -> prediction: 8 zeros.
		// hd95 of 16 zeros and one 3: rank 0.95 * 16 = 15.2, so 0 + 0.2 * 3 = 0.6
		Mask pm = box(8, 8, 1, 1, 4, 1, 4, 0, 1);
		pm.voxels()[6 + 8 * 2] = true;
		Volume p = labels(pm), r = labels(box(8, 8, 1, 1, 4, 1, 4, 0, 1));
		ClassMetrics m = single(MetricCalculator.inVoxels(), p, r);
		assertEquals(18.0 / 19, m.dice(), EPS);
		assertEquals(0.9, m.jaccard(), EPS);
		assertEquals(1.0 / 3, m.asd(), EPS);
		assertEquals(1.0 / 6, m.assd(), EPS);
		assertEquals(0.6, m.hd95(), EPS);
		SurfaceDistances s = SurfaceDistances.between(Mask.of(p, 1), Mask.of(r, 1), new double[] { 1, 1, 1 });
		assertEquals(0, s.reverseAsd(), EPS);
		assertEquals(0, single(MetricCalculator.inVoxels(), r, p).asd(), EPS);
	}

	@Test
	public void emptyClassesFollowTheDocumentedRule() {
		// class 1 in both, class 2 only in the reference, class 3 in neither
		Volume p = labels(box(6, 6, 1, 1, 3, 1, 3, 0, 1));
		Volume r = labels(box(6, 6, 1, 1, 3, 1, 3, 0, 1));
		r.set(5, 5, 0, 2);
		List<ClassMetrics> all = MetricCalculator.inVoxels().perClass(p, r, 4);
		assertEquals(new ClassMetrics(1, 1, 1, 0, 0, 0), all.get(0));
		ClassMetrics missing = all.get(1);
		assertEquals(0, missing.dice(), 0);
		assertEquals(0, missing.jaccard(), 0);
		assertTrue(Double.isNaN(missing.hd95()) && Double.isNaN(missing.asd()) && Double.isNaN(missing.assd()));
		assertEquals(false, missing.distancesDefined());
		assertEquals(new ClassMetrics(3, 1, 1, 0, 0, 0), all.get(2));
		// the prediction-only case is undefined too
		assertTrue(Double.isNaN(MetricCalculator.inVoxels().perClass(r, p, 3).get(1).hd95()));
	}

	@Test
	public void unknownClassCountMeasuresPresentLabels() {
		Volume p = labels(box(6, 6, 1, 1, 3, 1, 3, 0, 1));
		Volume r = labels(box(6, 6, 1, 1, 3, 1, 3, 0, 1));
		r.set(5, 5, 0, 3);
		CaseMetrics c = MetricCalculator.inVoxels().measure("case1", p, r, 0);
		assertEquals("case1", c.name());
		assertEquals(2, c.classes().size());
		assertEquals(1, c.classes().get(0).label());
		assertEquals(3, c.classes().get(1).label());
		assertEquals(3, MetricCalculator.inVoxels().measure("x", p, r, 4).classes().size());
	}

	@Test
	public void meanDiceKeepsItsBehaviour() {
		Volume p = labels(box(10, 10, 1, 2, 6, 2, 6, 0, 1)), r = labels(box(10, 10, 1, 4, 8, 2, 6, 0, 1));
		// class 1: 0.5; class 2 absent from both: 1
		assertEquals(0.75, SegmentationMetrics.meanDice(p, r, 3), EPS);
		assertEquals(0.5, SegmentationMetrics.meanDice(p, r, 2), EPS);
		assertEquals(1, SegmentationMetrics.meanDice(p, r, 1), EPS);
	}

	@Test(expected = IllegalArgumentException.class)
	public void rejectsDifferentSizes() {
		MetricCalculator.inVoxels().perClass(Volume.zeros(3, 3, 1, new double[] { 1, 1, 1 }), Volume.zeros(3, 4, 1,
			new double[] { 1, 1, 1 }), 2);
	}
}
