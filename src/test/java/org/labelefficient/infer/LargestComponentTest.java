package org.labelefficient.infer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.labelefficient.io.Volume;

public class LargestComponentTest {

	private static Volume image(String rows, int w, int h, int d) {
		String s = rows.replace(" ", "");
		float[] data = new float[s.length()];
		for (int i = 0; i < data.length; i++)
			data[i] = s.charAt(i) - '0';
		return new Volume(data, w, h, d, new double[] { 0.5, 0.5, 3 });
	}

	@Test
	public void removesTheSmallBlobOfEachClass() {
		Volume in = image(
			  "110000 "
			+ "110022 "
			+ "000022 "
			+ "010000 "
			+ "000202 ", 6, 5, 1);
		Volume out = LargestComponent.keepLargestPerClass(in, 3);
		assertArrayEquals(image(
			  "110000 "
			+ "110022 "
			+ "000022 "
			+ "000000 "
			+ "000000 ", 6, 5, 1).data(), out.data(), 0);
		assertArrayEquals(new double[] { 0.5, 0.5, 3 }, out.spacing(), 0);
		assertEquals(1, in.get(1, 3, 0), 0); // input untouched
	}

	@Test
	public void diagonalNeighboursAreSeparateComponents() {
		Volume in = image(
			  "1100 "
			+ "1100 "
			+ "0010 "
			+ "0001 ", 4, 4, 1);
		Volume out = LargestComponent.keepLargestPerClass(in, 2);
		assertEquals(0, out.get(2, 2, 0), 0);
		assertEquals(0, out.get(3, 3, 0), 0);
		assertEquals(1, out.get(1, 1, 0), 0);
	}

	@Test
	public void componentsConnectAcrossSlices() {
		// slice 0: blob A (2 voxels) and blob B (1 voxel); slice 1: B continues through 3 more voxels
		Volume in = image("1100 0001 " + "0000 0111 ", 4, 2, 2);
		Volume out = LargestComponent.keepLargestPerClass(in, 2);
		assertArrayEquals(image("0000 0001 " + "0000 0111 ", 4, 2, 2).data(), out.data(), 0);
	}

	@Test
	public void otherValuesAreKept() {
		Volume in = image("1013 0103 ", 4, 2, 1);
		Volume out = LargestComponent.keepLargestPerClass(in, 2);
		assertArrayEquals(image("1003 0003 ", 4, 2, 1).data(), out.data(), 0);
	}
}
