package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * CutMix of unlabelled samples: one box (a cuboid in 3D), the same in image, pseudo-label and confidence; labelled
 * samples untouched.
 */
public class CutMixTest {

	private static final int B = 4, H = 16, W = 20;

	@Test
	public void imageLabelAndConfidenceTakeTheSameBoxFromTheNextUnlabelledSample() {
		float[] image = new float[B * H * W], confidence = new float[B * H * W];
		int[] label = new int[B * H * W];
		for (int i = 0; i < image.length; i++) {
			image[i] = 1000 * (i / (H * W)) + i % (H * W);
			label[i] = i / (H * W);
			confidence[i] = 0.1f * (1 + i / (H * W));
		}
		for (long seed = 0; seed < 5; seed++) {
			try (Graph g = new Graph(); Session s = new Session(g)) {
				Ops tf = Ops.create(g);
				CutMix.Mixing m = CutMix.draw(tf, tf.constant(new float[] { 0, 1, 1, 1 }), H, W, 0.5, tf.constant(
					new long[] { 3, seed }));
				Operand<TFloat32> x = CutMix.mix(tf, m, tf.reshape(tf.constant(image), tf.constant(new int[] { B, H, W,
					1 })));
				Operand<TInt32> y = CutMix.mixLabels(tf, m, tf.reshape(tf.constant(label), tf.constant(new int[] { B, H,
					W })));
				Operand<TFloat32> c = CutMix.mix(tf, m, tf.reshape(tf.constant(confidence), tf.constant(new int[] { B,
					H, W })));
				try (Result r = s.runner().fetch(m.partner()).fetch(x).fetch(y).fetch(c).run()) {
					assertArrayEquals(new int[] { 0, 2, 3, 1 }, Tensors.readInts(r.get(0)));
					check(Tensors.read(r.get(1)), Tensors.readInts(r.get(2)), Tensors.read(r.get(3)));
				}
			}
		}
	}

	private static void check(float[] x, int[] y, float[] c) {
		int[] partner = { 0, 2, 3, 1 };
		for (int b = 0; b < B; b++) {
			int inBox = 0, minX = W, maxX = -1, minY = H, maxY = -1;
			for (int p = 0; p < H * W; p++) {
				int i = b * H * W + p;
				boolean mixed = y[i] != b;
				if (mixed) {
					inBox++;
					minX = Math.min(minX, p % W);
					maxX = Math.max(maxX, p % W);
					minY = Math.min(minY, p / W);
					maxY = Math.max(maxY, p / W);
				}
				int source = mixed ? partner[b] : b;
				assertEquals(source, y[i]);
				assertEquals(1000 * source + p, x[i], 0);
				assertEquals(0.1f * (1 + source), c[i], 1e-6);
			}
			if (b == 0) {
				assertEquals("labelled sample unchanged", 0, inBox);
				continue;
			}
			assertEquals("the box is a rectangle", (maxX - minX + 1) * (maxY - minY + 1), inBox);
			assertTrue("box width above half the patch", maxX - minX + 1 > W / 2);
			assertTrue("box area about half the patch: " + inBox, Math.abs(inBox - H * W / 2) <= W / 2 + 1);
		}
	}

	/** In 3D the box is a cuboid of {@code round(area^(1/3) x edge)} per axis, inside the patch, from the partner. */
	@Test
	public void a3DBoxIsACuboidOfTheCubeRootOfTheAreaPerEdge() {
		int d = 8, h = 10, w = 12, n = d * h * w, b = 3;
		float[] image = new float[b * n];
		int[] label = new int[b * n];
		for (int i = 0; i < image.length; i++) {
			image[i] = 10000 * (i / n) + i % n;
			label[i] = i / n;
		}
		int[] edges = { 5, 7, 8 }; // round(0.3^(1/3) x (8, 10, 12)): BCP's 2/3 of each edge
		java.util.Set<String> corners = new java.util.HashSet<>();
		for (long seed = 0; seed < 5; seed++) {
			try (Graph g = new Graph(); Session s = new Session(g)) {
				Ops tf = Ops.create(g);
				CutMix.Mixing m = CutMix.draw(tf, tf.constant(new float[] { 0, 1, 1 }), new int[] { d, h, w }, 0.3, tf
					.constant(new long[] { 5, seed }));
				Operand<TFloat32> x = CutMix.mix(tf, m, tf.reshape(tf.constant(image), tf.constant(new int[] { b, d, h,
					w, 1 })));
				Operand<TInt32> y = CutMix.mixLabels(tf, m, tf.reshape(tf.constant(label), tf.constant(new int[] { b, d,
					h, w })));
				try (Result r = s.runner().fetch(m.partner()).fetch(x).fetch(y).run()) {
					int[] partner = Tensors.readInts(r.get(0));
					assertArrayEquals(new int[] { 0, 2, 1 }, partner);
					float[] mixedImage = Tensors.read(r.get(1));
					int[] mixed = Tensors.readInts(r.get(2));
					for (int sample = 0; sample < b; sample++) {
						int[] min = { d, h, w }, max = { -1, -1, -1 };
						int inBox = 0;
						for (int p = 0; p < n; p++) {
							int i = sample * n + p, source = mixed[i];
							assertEquals(10000 * source + p, mixedImage[i], 0);
							if (source == sample) continue;
							assertEquals(partner[sample], source);
							inBox++;
							int[] at = { p / (h * w), p / w % h, p % w };
							for (int a = 0; a < 3; a++) {
								min[a] = Math.min(min[a], at[a]);
								max[a] = Math.max(max[a], at[a]);
							}
						}
						if (sample == 0) {
							assertEquals("labelled sample unchanged", 0, inBox);
							continue;
						}
						for (int a = 0; a < 3; a++)
							assertEquals("edge " + a, edges[a], max[a] - min[a] + 1);
						assertEquals("the box is a cuboid", edges[0] * edges[1] * edges[2], inBox);
						corners.add(java.util.Arrays.toString(min));
					}
				}
			}
		}
		assertTrue("the box moves: " + corners, corners.size() > 3);
	}
}
