package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Local windows of an output map: side P/4, stride P/8, pooled, against the window means computed directly. */
public class LocalPatchesTest {

	@Test
	public void windowsAreThePooledMeansOfOverlappingSquares() {
		int p = 16, pooling = 2; // windows of 4 pixels every 2 pixels, each pooled to 2 x 2 cells of 2 x 2 pixels
		float[] map = new float[p * p];
		for (int y = 0; y < p; y++)
			for (int x = 0; x < p; x++)
				map[y * p + x] = x + 100 * y;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> w = LocalPatches.windows(tf, tf.reshape(tf.constant(map), tf.constant(new int[] { 1, p, p,
				1 })), pooling);
			try (Result r = s.runner().fetch(w).run()) {
				assertArrayEquals(new long[] { 1, 49, 2, 2, 1 }, r.get(0).shape().asArray());
				float[] v = Tensors.read(r.get(0));
				for (int a = 0; a < 7; a++)
					for (int b = 0; b < 7; b++)
						for (int i = 0; i < 2; i++)
							for (int j = 0; j < 2; j++) {
								double expected = (2 * b + 2 * j + 0.5) + 100 * (2 * a + 2 * i + 0.5);
								assertEquals(expected, v[((a * 7 + b) * 2 + i) * 2 + j], 1e-3);
							}
			}
		}
	}

	@Test
	public void patchSizesMustSplitIntoPooledWindows() {
		assertTrue(LocalPatches.fits(256, 8));
		assertTrue(LocalPatches.fits(32, 8));
		assertFalse(LocalPatches.fits(48, 8));
		assertFalse(LocalPatches.fits(64, 3));
	}
}
