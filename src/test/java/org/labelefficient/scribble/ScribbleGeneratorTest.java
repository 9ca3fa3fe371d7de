package org.labelefficient.scribble;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;

import org.junit.Test;
import org.labelefficient.demo.SyntheticCardiac;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;

public class ScribbleGeneratorTest {

	private static final int U = 4;
	private static final Volume LABEL = new SyntheticCardiac(128, 5, U).generate(7).label();

	private static Volume generate(long seed) {
		return new ScribbleGenerator(ScribbleGenerator.Settings.defaults(seed)).generate(LABEL, U);
	}

	/** True when every pixel within chessboard distance m of (x, y) is in the image and of class c. */
	private static boolean insideBy(Volume label, int x, int y, int z, int c, int m) {
		for (int dy = -m; dy <= m; dy++)
			for (int dx = -m; dx <= m; dx++) {
				int px = x + dx, py = y + dy;
				if (px < 0 || py < 0 || px >= label.width() || py >= label.height() || label.get(px, py, z) != c)
					return false;
			}
		return true;
	}

	private static boolean erodedNonEmpty(Volume label, int z, int c, int m) {
		for (int y = 0; y < label.height(); y++)
			for (int x = 0; x < label.width(); x++)
				if (insideBy(label, x, y, z, c, m)) return true;
		return false;
	}

	@Test
	public void strokesLieInsideTheirClassAwayFromItsBorder() {
		Volume s = generate(1);
		int m = ScribbleGenerator.Settings.DEFAULT_MARGIN, checked = 0;
		for (int z = 0; z < s.depth(); z++)
			for (int c = 0; c < SyntheticCardiac.CLASSES; c++) {
				boolean withMargin = erodedNonEmpty(LABEL, z, c, m);
				for (int y = 0; y < s.height(); y++)
					for (int x = 0; x < s.width(); x++) {
						if (s.get(x, y, z) != c) continue;
						assertEquals(c, (int) LABEL.get(x, y, z));
						if (withMargin) assertTrue("class " + c + " at " + x + "," + y + "," + z, insideBy(LABEL, x,
							y, z, c, m));
						checked++;
					}
			}
		assertTrue(checked > 100);
	}

	@Test
	public void everyClassOfASliceGetsAStrokeAndNothingElseIsScribbled() {
		Volume s = generate(1);
		for (int z = 0; z < s.depth(); z++) {
			long[] labelled = new long[SyntheticCardiac.CLASSES], scribbled = new long[SyntheticCardiac.CLASSES];
			for (int y = 0; y < s.height(); y++)
				for (int x = 0; x < s.width(); x++) {
					labelled[(int) LABEL.get(x, y, z)]++;
					float v = s.get(x, y, z);
					if (v != U) scribbled[(int) v]++;
				}
			for (int c = 0; c < labelled.length; c++)
				assertEquals("slice " + z + " class " + c, labelled[c] > 0, scribbled[c] > 0);
		}
	}

	@Test
	public void foregroundCoverageIsNearTheRequestedValue() {
		Volume s = generate(3);
		double coverage = ScribbleGenerator.Settings.DEFAULT_COVERAGE;
		long[] labelled = new long[SyntheticCardiac.CLASSES], scribbled = new long[SyntheticCardiac.CLASSES];
		for (int i = 0; i < s.data().length; i++) {
			labelled[(int) LABEL.data()[i]]++;
			if (s.data()[i] != U) scribbled[(int) s.data()[i]]++;
		}
		for (int c = 1; c < SyntheticCardiac.CLASSES; c++) {
			double got = (double) scribbled[c] / labelled[c];
			assertTrue("class " + c + " coverage " + got, got > 0.5 * coverage && got < 1.5 * coverage);
		}
		long fg = labelled[1] + labelled[2] + labelled[3];
		double background = (double) scribbled[0] / fg;
		assertTrue("background " + background, background > 0.5 * coverage && background < 1.5 * coverage);
	}

	@Test
	public void backgroundHasOneStrokeInTheBandAroundTheForegroundAndOneBeyondIt() {
		Volume s = generate(5);
		int band = ScribbleGenerator.Settings.DEFAULT_BACKGROUND_BAND;
		for (int z = 0; z < s.depth(); z++) {
			int near = 0, far = 0;
			for (int y = 0; y < s.height(); y++)
				for (int x = 0; x < s.width(); x++)
					if (s.get(x, y, z) == 0) {
						if (nearForeground(x, y, z, band)) near++;
						else far++;
					}
			assertTrue("slice " + z + ": near " + near + ", far " + far, near > 0 && far > 0);
			assertTrue("slice " + z + ": near " + near + ", far " + far, Math.abs(near - far) <= 0.2 * (near + far));
		}
	}

	private static boolean nearForeground(int x, int y, int z, int band) {
		for (int dy = -band; dy <= band; dy++)
			for (int dx = -band; dx <= band; dx++) {
				int px = x + dx, py = y + dy;
				if (px >= 0 && py >= 0 && px < LABEL.width() && py < LABEL.height() && LABEL.get(px, py, z) > 0)
					return true;
			}
		return false;
	}

	@Test
	public void sameSeedSameScribblesOtherSeedOtherScribbles() {
		Volume a = generate(11), b = generate(11), c = generate(12);
		assertArrayEquals(a.data(), b.data(), 0f);
		assertFalse(Arrays.equals(a.data(), c.data()));
		assertArrayEquals(LABEL.spacing(), a.spacing(), 0);
	}

	@Test
	public void tinyRegionsStillGetAPixelAndMarginFallsBack() {
		float[] d = new float[20 * 20];
		for (int y = 8; y < 10; y++)
			for (int x = 8; x < 10; x++)
				d[x + 20 * y] = 1; // a 2x2 class: erosion and thinning both empty it
		Volume s = new ScribbleGenerator(new ScribbleGenerator.Settings(0.1, 2, 5, 1)).generate(new Volume(d, 20,
			20, 1), 255);
		int ones = 0, zeros = 0;
		for (float f : s.data()) {
			if (f == 1) ones++;
			if (f == 0) zeros++;
		}
		assertEquals(1, ones);
		assertEquals("one pixel for the near and one for the far background stroke", 2, zeros);
	}

	@Test
	public void skeletonOfABarIsItsCentreLine() {
		SliceMask bar = SliceMask.empty(30, 11);
		for (int y = 3; y < 8; y++)
			for (int x = 2; x < 28; x++)
				bar.bits[x + 30 * y] = true;
		SliceMask skeleton = Thinning.skeleton(bar);
		assertTrue(skeleton.count() >= 18 && skeleton.count() <= 26);
		for (int x = 6; x < 24; x++)
			assertTrue("x=" + x, skeleton.get(x, 5));
		assertEquals(1, skeleton.components().size());
	}

	@Test(expected = BadInputException.class)
	public void aLabelEqualToTheUnlabelledValueIsRejected() {
		new ScribbleGenerator(ScribbleGenerator.Settings.defaults(1)).generate(LABEL, 3);
	}

	@Test
	public void statisticsCountStrokesAndLengths() {
		Volume s = new Volume(new float[] { 9, 9, 9, 9, 9, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 0, 9, 9, 9, 0 }, 5, 4, 1);
		ScribbleStatistics st = ScribbleStatistics.of(java.util.List.of(s), 2, 9);
		assertEquals(1, st.slices());
		assertEquals(3, st.strokes());
		assertEquals(2.0, st.meanStrokeLength(), 1e-12);
		assertEquals(0.3, st.fraction(), 1e-12);
		ScribbleComparison cmp = new ScribbleComparison(st, st);
		assertEquals(2 + 2 + 3, cmp.table().size());
		assertTrue(cmp.table().get(1), cmp.table().get(1).contains("30.00"));
	}
}
