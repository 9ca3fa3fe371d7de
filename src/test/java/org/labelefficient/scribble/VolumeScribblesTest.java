package org.labelefficient.scribble;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.train.Spheres;

/**
 * The generator's {@code volume} mode on a generated ball split into two classes: strokes stay inside their class
 * (and the margin inside it), every class gets strokes, the strokes reach across every axis, and they are sparse.
 */
public class VolumeScribblesTest {

	private static final int U = 255;

	/** A 40^3 ball (Spheres, seed 7) whose half with x below the centre is class 2, the other half class 1. */
	static Volume twoHalfBalls() {
		Volume label = Spheres.volume(40, 7)[1];
		double sx = 0;
		int n = 0;
		for (int i = 0; i < label.data().length; i++)
			if (label.data()[i] == 1) {
				sx += i % label.width();
				n++;
			}
		for (int i = 0; i < label.data().length; i++)
			if (label.data()[i] == 1 && i % label.width() < sx / n) label.data()[i] = 2;
		return label;
	}

	private static Volume generate(Volume label, String mode, long seed) {
		return new ScribbleGenerator(ScribbleGenerator.Settings.defaults(seed).withMode(mode)).generate(label, U);
	}

	@Test
	public void strokesStayInsideTheirClassAwayFromItsBorderAndCoverEveryClassSparsely() {
		Volume label = twoHalfBalls(), s = generate(label, ScribbleGenerator.VOLUME, 1);
		int m = ScribbleGenerator.Settings.DEFAULT_MARGIN;
		int[] strokes = new int[3], voxels = new int[3];
		int[][] min = new int[3][3], max = new int[3][3];
		for (int[] r : min)
			java.util.Arrays.fill(r, Integer.MAX_VALUE);
		for (int z = 0; z < label.depth(); z++)
			for (int y = 0; y < label.height(); y++)
				for (int x = 0; x < label.width(); x++) {
					int c = (int) label.get(x, y, z), v = (int) s.get(x, y, z);
					int[] p = { x, y, z };
					voxels[c]++;
					if (v == U) continue;
					assertEquals("stroke voxel at " + x + "," + y + "," + z, c, v);
					strokes[c]++;
					extend(min[c], max[c], p);
					for (int dz = -m; dz <= m; dz++)
						for (int dy = -m; dy <= m; dy++)
							for (int dx = -m; dx <= m; dx++)
								assertEquals("margin around " + x + "," + y + "," + z, c, (int) label.get(x + dx, y + dy,
									z + dz));
				}
		for (int c = 0; c < 3; c++) {
			double coverage = strokes[c] / (double) voxels[c];
			System.out.printf("volume mode, class %d: %d of %d voxels scribbled (%.2f%%)%n", c, strokes[c], voxels[c],
				100 * coverage);
			assertTrue("class " + c + " has strokes", strokes[c] > 0);
			for (int a = 0; a < 3; a++) // not confined to a plane (or a line) across any axis
				assertTrue("class " + c + ", axis " + a + ": from " + min[c][a] + " to " + max[c][a], max[c][a]
					- min[c][a] >= 2);
		}
		for (int c = 1; c < 3; c++) {
			double coverage = strokes[c] / (double) voxels[c];
			assertTrue("class " + c + " coverage " + coverage, coverage >= 0.03 && coverage <= 0.12);
		}
		double background = strokes[0] / (double) (strokes[1] + strokes[2]);
		assertTrue("background / foreground strokes " + background, background >= 0.5 && background <= 2);
		Volume slices = generate(label, ScribbleGenerator.SLICES, 1);
		int perSlice = 0;
		for (int i = 0; i < slices.data().length; i++)
			if (slices.data()[i] != U && slices.data()[i] != 0) perSlice++;
		System.out.printf("foreground strokes: volume mode %d, slices mode %d voxels%n", strokes[1] + strokes[2],
			perSlice);
		assertTrue("volume " + (strokes[1] + strokes[2]) + " vs slices " + perSlice, strokes[1] + strokes[2] < 0.7
			* perSlice);
	}

	private static void extend(int[] min, int[] max, int[] p) {
		for (int a = 0; a < 3; a++) {
			min[a] = Math.min(min[a], p[a]);
			max[a] = Math.max(max[a], p[a]);
		}
	}

	@Test
	public void aSmallClassStillGetsAStrokeAndTheModeIsDeterministic() {
		Volume label = new Volume(new float[12 * 12 * 6], 12, 12, 6);
		label.set(5, 5, 2, 1); // a single voxel of class 1: the margin falls back to 0
		label.set(5, 6, 2, 1);
		Volume s = generate(label, ScribbleGenerator.VOLUME, 3);
		assertEquals(1, (int) s.get(5, 5, 2) == 1 || (int) s.get(5, 6, 2) == 1 ? 1 : 0);
		int background = 0;
		for (float f : s.data())
			if (f == 0) background++;
		assertTrue("background strokes " + background, background > 0);
		assertArrayEquals(s.data(), generate(label, ScribbleGenerator.VOLUME, 3).data(), 0f);
	}

	@Test
	public void aVolumeWithoutForegroundGetsSparseBackgroundStrokes() {
		Volume s = generate(new Volume(new float[20 * 20 * 20], 20, 20, 20), ScribbleGenerator.VOLUME, 1);
		int n = 0;
		for (float f : s.data()) {
			assertTrue(f == 0 || f == U);
			if (f == 0) n++;
		}
		assertTrue("background strokes " + n, n > 0 && n < 20 * 20 * 20 / 50);
	}

	@Test
	public void theModeIsADeclaredChoice() {
		assertEquals("volume", ScribbleGenerator.MODE.parse("Volume"));
		assertEquals(ScribbleGenerator.SLICES, ScribbleGenerator.Settings.defaults(1).mode());
		BadInputException e = assertThrows(BadInputException.class, () -> ScribbleGenerator.MODE.parse("cubes"));
		assertTrue(e.getMessage(), e.getMessage().startsWith("scribble_mode must be one of slices, volume"));
		assertThrows(BadInputException.class, () -> ScribbleGenerator.Settings.defaults(1).withMode("3d"));
	}
}
