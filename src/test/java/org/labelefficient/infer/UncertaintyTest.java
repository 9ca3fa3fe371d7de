package org.labelefficient.infer;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.labelefficient.io.Volume;

/** The normalised entropy: 0 where one class is certain, 1 where all are equally likely. */
public class UncertaintyTest {

	@Test
	public void entropyIsNormalisedByTheClassCount() {
		// voxel 0: certain; voxel 1: uniform over 3 classes; voxel 2: (0.5, 0.5, 0)
		Volume p0 = new Volume(new float[] { 1, 1 / 3f, 0.5f }, 3, 1, 1);
		Volume p1 = new Volume(new float[] { 0, 1 / 3f, 0.5f }, 3, 1, 1);
		Volume p2 = new Volume(new float[] { 0, 1 / 3f, 0 }, 3, 1, 1);
		float[] h = Uncertainty.entropy(List.of(p0, p1, p2)).data();
		assertEquals(0, h[0], 1e-7);
		assertEquals(1, h[1], 1e-6);
		assertEquals(Math.log(2) / Math.log(3), h[2], 1e-6);
	}
}
