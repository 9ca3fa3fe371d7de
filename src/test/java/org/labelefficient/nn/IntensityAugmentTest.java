package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/** The strong intensity view: identity at probability 0, a normalised symmetric blur without jitter strength. */
public class IntensityAugmentTest {

	private static float[] run(float[] image, int size, float strength, float probability) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			var out = IntensityAugment.apply(tf, tf.reshape(tf.constant(image), tf.constant(new int[] { 2, size, size,
				1 })), strength, probability, tf.constant(new long[] { 1, 2 }));
			try (Result r = s.runner().fetch(out).run()) {
				return Tensors.read(r.get(0));
			}
		}
	}

	@Test
	public void probabilityZeroLeavesTheImagesAlone() {
		float[] image = new float[2 * 8 * 8];
		for (int i = 0; i < image.length; i++)
			image[i] = (float) Math.sin(i);
		assertArrayEquals(image, run(image, 8, 0.25f, 0), 1e-6f);
	}

	@Test
	public void theBlurKeepsTheSumAndSpreadsSymmetrically() {
		int n = 9, c = 4 * n + 4;
		float[] image = new float[2 * n * n];
		image[c] = 1;
		image[n * n + c] = 1;
		float[] out = run(image, n, 0, 1);
		for (int b = 0; b < 2; b++) {
			double sum = 0;
			for (int i = 0; i < n * n; i++)
				sum += out[b * n * n + i];
			assertEquals(1, sum, 1e-5);
			float centre = out[b * n * n + c];
			assertTrue("blurred: " + centre, centre < 1 && centre > 0.1);
			assertEquals(out[b * n * n + c - 1], out[b * n * n + c + 1], 1e-6);
			assertEquals(out[b * n * n + c - n], out[b * n * n + c + 1], 1e-6);
		}
	}
}
