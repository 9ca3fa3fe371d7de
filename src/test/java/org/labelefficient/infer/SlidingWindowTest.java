package org.labelefficient.infer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.Tensors;
import org.labelefficient.nn.UNet;
import org.labelefficient.nn.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Sliding-window prediction of volumes: one window equals one pass; overlaps and padding reach every voxel. */
public class SlidingWindowTest {

	@Test
	public void aVolumeThatFitsOneWindowGetsExactlyTheSinglePass() {
		int d = 8, h = 16, w = 16;
		float[] volume = random(d * h * w, 1);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNetConfig config = new UNetConfig(1, 3, new int[] { 4, 8, 8 }, new double[] { 0, 0, 0 }, false).volumetric(
				new int[][] { { 1, 2, 2 }, { 2, 2, 2 } });
			UNet net = new UNet(config, new ParameterSet(tf, "n"));
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
			Operand<TFloat32> p = tf.nn.softmax(net.forward(tf, x, false, null).logits());
			net.weights().initialize(s, 3);
			float[] single;
			try (var t = Tensors.floats(volume, 1, d, h, w, 1); Result r = s.runner().feed(x, t).fetch(p).run()) {
				single = Tensors.read(r.get(0));
			}
			WindowPredictor network = new SessionWindowPredictor(s, x, p, 3, config.divisors());
			float[] windowed = new SlidingWindow(network, new int[] { 16, 16, 16 }, 0.5).probabilities(volume, w, h, d);
			assertArrayEquals(single, windowed, 1e-6f);
		}
	}

	/** A network whose output at a voxel depends only on that voxel: every window must agree with it. */
	private static final class Pointwise implements WindowPredictor {

		final List<int[]> calls = new ArrayList<>();

		@Override
		public int numClasses() {
			return 2;
		}

		@Override
		public int[] divisors() {
			return new int[] { 2, 4, 4 };
		}

		@Override
		public float[] predict(float[] windows, int n, int depth, int height, int width) {
			calls.add(new int[] { depth, height, width });
			float[] out = new float[windows.length * 2];
			for (int i = 0; i < windows.length; i++) {
				float q = 1 / (1 + (float) Math.exp(-windows[i]));
				out[2 * i] = 1 - q;
				out[2 * i + 1] = q;
			}
			return out;
		}
	}

	@Test
	public void overlappingWindowsCoverEveryVoxelWithWeightsThatSumToOne() {
		int d = 13, h = 21, w = 30;
		float[] volume = random(d * h * w, 2);
		Pointwise net = new Pointwise();
		float[] p = new SlidingWindow(net, new int[] { 8, 12, 12 }, 0.25).probabilities(volume, w, h, d);
		for (int i = 0; i < volume.length; i++)
			assertEquals(1 / (1 + Math.exp(-volume[i])), p[2 * i + 1], 1e-5);
		// z: starts 0, 5 (13 - 8); y: 0, 9 (21 - 12); x: 0, 9, 18 (30 - 12): 2 * 2 * 3 windows of 8 x 12 x 12
		assertEquals(12, net.calls.size());
		for (int[] c : net.calls)
			assertArrayEquals(new int[] { 8, 12, 12 }, c);
	}

	@Test
	public void aVolumeSmallerThanTheWindowIsPaddedToTheDivisors() {
		int d = 3, h = 5, w = 6;
		float[] volume = random(d * h * w, 3);
		Pointwise net = new Pointwise();
		float[] p = new SlidingWindow(net, new int[] { 16, 16, 16 }, 0.5).probabilities(volume, w, h, d);
		assertEquals(1, net.calls.size());
		assertArrayEquals(new int[] { 4, 8, 8 }, net.calls.get(0));
		assertEquals(volume.length * 2, p.length);
		for (int i = 0; i < volume.length; i++)
			assertEquals(1 / (1 + Math.exp(-volume[i])), p[2 * i + 1], 1e-5);
	}

	@Test
	public void theGaussianWeightIsHighestAtTheCentreAndPositiveAtTheCorners() {
		float[] g = SlidingWindow.gaussian(new int[] { 5, 5, 5 });
		assertEquals(1f, g[62], 1e-6f); // (2, 2, 2)
		assertEquals(g[0], g[124], 0f);
		assertEquals(true, g[0] > 0 && g[0] < g[62]);
	}

	private static float[] random(int n, long seed) {
		Random r = new Random(seed);
		float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}
}
