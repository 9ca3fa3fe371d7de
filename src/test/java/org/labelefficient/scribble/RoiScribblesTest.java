package org.labelefficient.scribble;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

import org.junit.Test;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;

public class RoiScribblesTest {

	private static final int U = 255;

	private static Roi named(Roi roi, String name) {
		roi.setName(name);
		return roi;
	}

	private static int count(Volume v, int value) {
		int n = 0;
		for (float f : v.data())
			if (f == value) n++;
		return n;
	}

	/** Rows (y values) holding value c in column x of slice z. */
	private static List<Integer> rowsInColumn(Volume v, int x, int z, int c) {
		List<Integer> rows = new ArrayList<>();
		for (int y = 0; y < v.height(); y++)
			if (v.get(x, y, z) == c) rows.add(y);
		return rows;
	}

	@Test
	public void lineOfWidthOneIsAOnePixelPath() {
		Volume v = RoiScribbles.fromRois(List.of(named(new Line(10, 20, 40, 20), "class 1")), 64, 48, 1, U);
		assertEquals(30, count(v, 1));
		assertEquals(64 * 48 - 30, count(v, U));
		assertEquals(List.of(20), rowsInColumn(v, 25, 0, 1));
	}

	@Test
	public void lineOfWidthFiveIsABandFivePixelsWide() {
		Line line = new Line(10, 20, 40, 20);
		line.setStrokeWidth(5);
		Volume v = RoiScribbles.fromRois(List.of(named(line, "2")), 64, 48, 1, U);
		assertEquals(List.of(18, 19, 20, 21, 22), rowsInColumn(v, 25, 0, 2));
		assertEquals(5 * 30, count(v, 2));
	}

	@Test
	public void polylineFollowsItsSegments() {
		PolygonRoi pl = new PolygonRoi(new float[] { 10, 30, 30 }, new float[] { 10, 10, 30 }, Roi.POLYLINE);
		Volume v = RoiScribbles.fromRois(List.of(named(pl, "LV:3")), 48, 48, 1, U);
		assertEquals(41, count(v, 3));
		assertEquals(3, (int) v.get(20, 10, 0));
		assertEquals(3, (int) v.get(30, 20, 0));
		assertEquals(U, (int) v.get(20, 20, 0));
	}

	@Test
	public void freehandAreaIsFilledAndLaterRoisOverwrite() {
		PolygonRoi area = new PolygonRoi(new float[] { 10, 30, 30, 10 }, new float[] { 10, 10, 30, 30 },
			Roi.FREEROI);
		Line cut = new Line(5, 20, 35, 20);
		Volume v = RoiScribbles.fromRois(List.of(named(area, "class 0"), named(cut, "class 1")), 40, 40, 1, U);
		assertEquals(400 - 20, count(v, 0));
		assertEquals(30, count(v, 1));
		assertEquals(1, (int) v.get(15, 20, 0));
	}

	@Test
	public void roisGoToTheirSlice() {
		Line a = new Line(0, 1, 4, 1), b = new Line(0, 2, 4, 2);
		a.setPosition(2);
		b.setPosition(0, 3, 0);
		Volume v = RoiScribbles.fromRois(List.of(named(a, "1"), named(b, "2")), 5, 5, 3, U);
		assertEquals(4, count(v, 1));
		assertEquals(1, (int) v.get(0, 1, 1));
		assertEquals(2, (int) v.get(0, 2, 2));
		assertEquals(5 * 5 * 3 - 8, count(v, U));
	}

	@Test
	public void aStackRoiWithoutPositionIsAnError() {
		try {
			RoiScribbles.fromRois(List.of(named(new Line(0, 1, 4, 1), "stroke 1")), 5, 5, 3, U);
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("\"stroke 1\" has no slice position"));
		}
	}

	@Test
	public void roisOnSlicesOneAndThreeOfAFourSliceStackMakeOneScribbleVolume() {
		Line line = new Line(2, 3, 12, 3); // class 1 on slice 1 (stack position)
		line.setPosition(1);
		PolygonRoi area = new PolygonRoi(new float[] { 4, 10, 10, 4 }, new float[] { 6, 6, 10, 10 }, Roi.FREEROI);
		area.setPosition(0, 3, 0); // class 2 on slice 3 (hyperstack position)
		Line background = new Line(0, 13, 15, 13); // class 0, also on slice 3
		background.setPosition(3);
		Roi grouped = new Line(14, 0, 14, 8); // class 2 from its group, under a ROI Manager default name
		grouped.setPosition(3);
		grouped.setName("0003-0000-0014");
		grouped.setGroup(2);
		Volume v = RoiScribbles.fromRois(List.of(named(line, "class 1"), named(area, "LV:2"), named(background,
			"background 0"), grouped), 16, 16, 4, U);
		assertEquals(4, v.depth());
		int[][] perSlice = new int[4][256];
		for (int z = 0; z < 4; z++)
			for (int y = 0; y < 16; y++)
				for (int x = 0; x < 16; x++)
					perSlice[z][(int) v.get(x, y, z)]++;
		assertEquals(16 * 16, perSlice[1][U]); // slice 2: nothing
		assertEquals(16 * 16, perSlice[3][U]); // slice 4: nothing
		assertEquals(10, perSlice[0][1]);
		assertEquals(16 * 16 - 10, perSlice[0][U]); // slice 1: class 1 only
		assertEquals(1, (int) v.get(5, 3, 0));
		assertEquals(6 * 4 + 8, perSlice[2][2]); // the filled area and the grouped line
		assertEquals(15, perSlice[2][0]);
		assertEquals(0, perSlice[2][1]);
		assertEquals(2, (int) v.get(7, 8, 2));
		assertEquals(2, (int) v.get(14, 4, 2));
		assertEquals(0, (int) v.get(7, 13, 2));
		assertEquals(U, (int) v.get(7, 8, 0));
	}

	@Test
	public void aRoiOnAFrameOfATimeSeriesGoesToThatFrame() {
		Line line = new Line(0, 1, 4, 1);
		line.setPosition(1, 1, 3); // channel 1, slice 1, frame 3
		Volume v = RoiScribbles.fromRois(List.of(named(line, "class 1")), 6, 6, 4, U);
		assertEquals(4, count(v, 1));
		assertEquals(1, (int) v.get(2, 1, 2));
	}

	@Test
	public void aRoiWithoutSliceOnAFourSliceStackIsRefusedInOneSentence() {
		Line placed = new Line(0, 1, 4, 1);
		placed.setPosition(3);
		BadInputException e = assertThrows(BadInputException.class, () -> RoiScribbles.fromRois(List.of(named(placed,
			"class 1"), named(new Line(0, 2, 4, 2), "LV:3")), 8, 8, 4, U));
		assertEquals("ROI \"LV:3\" has no slice position, but the image has 4 slices; add it to the ROI Manager from "
			+ "its slice (with \"Associate with slice\" on)", e.getMessage());
		Line beyond = new Line(0, 1, 4, 1);
		beyond.setPosition(5);
		e = assertThrows(BadInputException.class, () -> RoiScribbles.fromRois(List.of(named(beyond, "1")), 8, 8, 4,
			U));
		assertEquals("ROI \"1\" is on slice 5, but the image has 4 slices", e.getMessage());
	}

	@Test
	public void classComesFromNameElseGroup() {
		assertEquals(2, RoiScribbles.classFromRoi(named(new Roi(0, 0, 2, 2), "2")));
		assertEquals(2, RoiScribbles.classFromRoi(named(new Roi(0, 0, 2, 2), "class 2")));
		assertEquals(3, RoiScribbles.classFromRoi(named(new Roi(0, 0, 2, 2), "LV:3")));
		assertEquals(0, RoiScribbles.classFromRoi(named(new Roi(0, 0, 2, 2), "background 0")));
		Roi grouped = named(new Roi(0, 0, 2, 2), "0001-0010-0020");
		grouped.setGroup(3);
		assertEquals(3, RoiScribbles.classFromRoi(grouped));
		Roi unnamed = new Roi(0, 0, 2, 2);
		unnamed.setGroup(1);
		assertEquals(1, RoiScribbles.classFromRoi(unnamed));
	}

	@Test
	public void aRoiWithoutClassIsNamedInTheError() {
		try {
			RoiScribbles.classFromRoi(named(new OvalRoi(0, 0, 4, 4), "myocardium"));
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("\"myocardium\" has no class"));
		}
		try {
			RoiScribbles.fromRois(List.of(named(new Roi(0, 0, 2, 2), "class 4")), 5, 5, 1, 4);
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("\"class 4\": class 4 is the unlabelled value"));
		}
	}

	@Test
	public void roundTripKeepsAreaScribbles() {
		int w = 40, h = 30, d = 2;
		Volume s = new Volume(new float[w * h * d], w, h, d);
		java.util.Arrays.fill(s.data(), U);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double r = Math.hypot(x - 20, y - 15);
				if (r < 5) s.set(x, y, 0, 3);
				else if (r < 8) s.set(x, y, 0, 2); // a ring, with a hole filled by class 3
				if (x >= 2 && x < 6 && y >= 3 && y < 25) s.set(x, y, 0, 0);
				if (x >= 30 && x < 38 && y >= 20 && y < 28 && (x + y) % 7 != 0) s.set(x, y, 1, 1); // holes
				if (y == 5 && x > 5) s.set(x, y, 1, 0); // one-pixel stroke
			}
		List<Roi> rois = RoiScribbles.toRois(s, U);
		assertEquals(5, rois.size());
		assertEquals("class 0", rois.get(0).getName());
		assertEquals(1, rois.get(0).getPosition());
		assertEquals(2, rois.get(1).getGroup());
		assertEquals("class 3", rois.get(2).getName());
		assertEquals(2, rois.get(4).getPosition());
		Volume back = RoiScribbles.fromRois(rois, w, h, d, U);
		assertArrayEquals(s.data(), back.data(), 0f);
	}
}
