package org.labelefficient.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SurfaceTest {

	@Test
	public void surfaceOf3x3SquareIsItsEightBorderPixels() {
		Mask s = Surface.of(MaskFixtures.box(5, 5, 1, 1, 4, 1, 4, 0, 1));
		assertEquals(8, s.count());
		assertFalse(s.voxels()[2 + 5 * 2]);
		assertTrue(s.voxels()[1 + 5 * 1]);
		assertTrue(s.voxels()[3 + 5 * 2]);
	}

	@Test
	public void voxelsOnTheImageBorderAreSurface() {
		Mask s = Surface.of(MaskFixtures.box(3, 3, 1, 0, 3, 0, 3, 0, 1));
		assertEquals(8, s.count());
		assertFalse(s.voxels()[4]);
	}

	@Test
	public void surfaceOf3DCubeUsesSixNeighbours() {
		Mask s = Surface.of(MaskFixtures.box(5, 5, 5, 1, 4, 1, 4, 1, 4));
		assertEquals(26, s.count());
		assertFalse(s.voxels()[2 + 5 * (2 + 5 * 2)]);
	}

	@Test
	public void diagonalGapDoesNotMakeSurface() {
		// a 3x3 square whose corner neighbours (diagonals of the centre) are missing: centre still interior
		Mask m = MaskFixtures.box(5, 5, 1, 1, 4, 1, 4, 0, 1);
		m.voxels()[1 + 5 * 1] = false;
		Mask s = Surface.of(m);
		assertFalse(s.voxels()[2 + 5 * 2]);
		assertEquals(7, s.count());
	}

	@Test
	public void singleSliceOfA3DStackIsAllSurfaceButDepthOneIs2D() {
		Mask flat = Surface.of(MaskFixtures.box(5, 5, 3, 1, 4, 1, 4, 1, 2));
		assertEquals(9, flat.count());
		Mask image = Surface.of(MaskFixtures.box(5, 5, 1, 1, 4, 1, 4, 0, 1));
		assertEquals(8, image.count());
	}
}
