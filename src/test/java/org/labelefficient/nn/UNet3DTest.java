package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The 3D U-Net: pooling plans, output shapes with isotropic and anisotropic pooling, and gradients everywhere. */
public class UNet3DTest {

	private static UNetConfig volume(int[][] pooling, boolean deep) {
		return new UNetConfig(1, 3, new int[] { 4, 8, 8, 16 }, new double[] { 0, 0, 0.2, 0.5 }, deep).volumetric(pooling);
	}

	@Test
	public void isotropicSpacingPoolsEveryAxisAtEveryLevel() {
		assertArrayEquals(new int[][] { { 2, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 } }, UNetConfig.poolingFor(4, new double[] {
			1.25, 1.25, 1.25 }));
	}

	@Test
	public void thickSlicesArePooledInPlaneUntilTheSpacingsMeet() {
		// 5 mm slices, 1.25 mm pixels: in-plane twice (to 5 mm), then every axis
		assertArrayEquals(new int[][] { { 1, 2, 2 }, { 1, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 } }, UNetConfig.poolingFor(5,
			new double[] { 5, 1.25, 1.25 }));
		// 2 mm slices against 1.25 mm pixels: less than twice as coarse, pooled with the rest (nnU-Net's rule)
		assertArrayEquals(new int[] { 2, 2, 2 }, UNetConfig.poolingFor(2, new double[] { 2, 1.25, 1.25 })[0]);
		assertArrayEquals(new int[] { 4, 8, 8 }, volume(UNetConfig.poolingFor(4, new double[] { 3, 1, 1 }), false)
			.divisors());
	}

	@Test
	public void isotropicOutputShapes() {
		assertShapes(UNetConfig.uniformPooling(4, 3), new long[] { 2, 16, 8, 24, 1 }, new long[] { 2, 16, 8, 24, 3 },
			new long[] { 2, 2, 1, 3, 16 }, new long[][] { { 2, 8, 4, 12, 3 }, { 2, 4, 2, 6, 3 } });
	}

	@Test
	public void anisotropicOutputShapes() {
		int[][] pooling = { { 1, 2, 2 }, { 1, 2, 2 }, { 2, 2, 2 } };
		assertShapes(pooling, new long[] { 1, 4, 16, 24, 1 }, new long[] { 1, 4, 16, 24, 3 }, new long[] { 1, 2, 2, 3,
			16 }, new long[][] { { 1, 4, 8, 12, 3 }, { 1, 4, 4, 6, 3 } });
	}

	private static void assertShapes(int[][] pooling, long[] in, long[] logits, long[] bottleneck, long[][] deep) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(volume(pooling, true), new ParameterSet(tf, "v"));
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
			UNet.Forward f = net.forward(tf, x, true, tf.constant(new long[] { 1, 2 }));
			UNet.Forward inference = net.forward(tf, x, false, null);
			net.weights().initialize(s, 1);
			try (Tensor t = Tensors.floats(new float[(int) Shape.of(in).size()], in);
				Result r = s.runner().feed(x, t).fetch(f.logits()).fetch(f.bottleneck()).fetch(f.deepLogits().get(0))
					.fetch(f.deepLogits().get(1)).fetch(inference.logits()).run()) {
				assertArrayEquals(logits, r.get(0).shape().asArray());
				assertArrayEquals(bottleneck, r.get(1).shape().asArray());
				assertArrayEquals(deep[0], r.get(2).shape().asArray());
				assertArrayEquals(deep[1], r.get(3).shape().asArray());
				assertArrayEquals(logits, r.get(4).shape().asArray());
			}
		}
	}

	@Test
	public void everyWeightHasAGradientAndFiveDimensionalKernels() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(volume(new int[][] { { 1, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 } }, false), new ParameterSet(tf,
				"v"));
			assertEquals(5, net.weights().variable("enc0_c1_w").shape().numDimensions());
			var x = tf.reshape(tf.constant(new float[2 * 8 * 16 * 16]), tf.constant(new int[] { 2, 8, 16, 16, 1 }));
			UNet.Forward f = net.forward(tf, x, true, tf.constant(new long[] { 3, 4 }));
			var labels = tf.reshape(tf.constant(new int[2 * 8 * 16 * 16]), tf.constant(new int[] { 2, 8, 16, 16 }));
			var loss = tf.math.add(Losses.crossEntropy(tf, f.logits(), labels, 3), Losses.diceLoss(tf, f.logits(),
				labels, 3));
			List<Variable<TFloat32>> vars = net.weights().trainableVariables();
			Output<?>[] grads = g.addGradients(loss.asOutput(), vars.stream().map(Variable::asOutput).toArray(
				Output<?>[]::new));
			net.weights().initialize(s, 1);
			var runner = s.runner();
			for (Output<?> gr : grads) {
				assertNotNull(gr);
				runner.fetch(gr);
			}
			try (Result r = runner.run()) {
				for (int i = 0; i < grads.length; i++)
					for (float v : Tensors.read(r.get(i)))
						assertTrue(Float.isFinite(v));
			}
		}
	}
}
