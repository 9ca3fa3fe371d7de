package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

public class UNetTest {

	private static UNetConfig small(boolean deep) {
		return new UNetConfig(1, 3, new int[] { 4, 8, 16, 32, 32 }, new double[] { 0, 0, 0, 0.2, 0.5 }, deep);
	}

	@Test
	public void outputShapesAtEveryScale() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(small(true), new ParameterSet(tf, "s"));
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			Placeholder<TInt64> seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
			UNet.Forward f = net.forward(tf, x, true, seed);
			net.weights().initialize(s, 1);
			try (Tensor in = Tensors.floats(new float[2 * 32 * 48], 2, 32, 48, 1);
				Tensor sd = Tensors.longs(1, 2);
				Result r = s.runner().feed(x, in).feed(seed, sd).fetch(f.logits()).fetch(f.deepLogits().get(0))
					.fetch(f.deepLogits().get(1)).fetch(f.deepLogits().get(2)).fetch(f.bottleneck()).run()) {
				assertArrayEquals(new long[] { 2, 32, 48, 3 }, r.get(0).shape().asArray());
				assertArrayEquals(new long[] { 2, 16, 24, 3 }, r.get(1).shape().asArray());
				assertArrayEquals(new long[] { 2, 8, 12, 3 }, r.get(2).shape().asArray());
				assertArrayEquals(new long[] { 2, 4, 6, 3 }, r.get(3).shape().asArray());
				assertArrayEquals(new long[] { 2, 2, 3, 32 }, r.get(4).shape().asArray());
			}
		}
	}

	@Test
	public void groupsAreBatchNormalisedSeparatelyAndMoveTheStatisticsByTheirMean() {
		UNetConfig noDropout = new UNetConfig(1, 3, new int[] { 4, 8, 16 }, new double[] { 0, 0, 0 }, false);
		java.util.Random r = new java.util.Random(3);
		float[] images = new float[5 * 16 * 16];
		for (int i = 0; i < images.length; i++)
			images[i] = (float) r.nextGaussian() + (i < 2 * 256 ? 3 : 0); // the first group is brighter
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(noDropout, new ParameterSet(tf, "g"));
			var x = tf.reshape(tf.constant(images), tf.constant(new int[] { 5, 16, 16, 1 }));
			var seed = tf.constant(new long[] { 1, 2 });
			UNet.Forward grouped = net.forwardInGroups(tf, x, 2, seed);
			UNet.Forward first = net.forward(tf, tf.slice(x, tf.constant(new int[] { 0, 0, 0, 0 }), tf.constant(
				new int[] { 2, -1, -1, -1 })), true, seed);
			UNet.Forward second = net.forward(tf, tf.slice(x, tf.constant(new int[] { 2, 0, 0, 0 }), tf.constant(
				new int[] { -1, -1, -1, -1 })), true, seed);
			UNet.Forward together = net.forward(tf, x, true, seed);
			net.weights().initialize(s, 1);
			float[] g0, a, b, all;
			try (Result res = s.runner().fetch(grouped.logits()).fetch(first.logits()).fetch(second.logits()).fetch(
				together.logits()).run()) {
				g0 = Tensors.read(res.get(0));
				a = Tensors.read(res.get(1));
				b = Tensors.read(res.get(2));
				all = Tensors.read(res.get(3));
			}
			float[] expected = new float[g0.length];
			System.arraycopy(a, 0, expected, 0, a.length);
			System.arraycopy(b, 0, expected, a.length, b.length);
			assertArrayEquals(expected, g0, 1e-4f);
			double differs = 0;
			for (int i = 0; i < g0.length; i++)
				differs = Math.max(differs, Math.abs(g0[i] - all[i]));
			assertTrue("one batch over both groups normalises differently: " + differs, differs > 1e-2);
			// from the initial moving means, one grouped update lands on the mean of the two groups' own updates
			float[] both = movingMeanAfter(s, net, grouped.statisticUpdates());
			float[] onlyFirst = movingMeanAfter(s, net, first.statisticUpdates());
			float[] onlySecond = movingMeanAfter(s, net, second.statisticUpdates());
			for (int c = 0; c < both.length; c++)
				assertEquals((onlyFirst[c] + onlySecond[c]) / 2, both[c], 1e-5);
			assertTrue("the groups' statistics differ", Math.abs(onlyFirst[0] - onlySecond[0]) > 1e-3);
		}
	}

	/** The moving mean of the first batch norm after re-initialising the weights and running {@code updates}. */
	private static float[] movingMeanAfter(Session s, UNet net, List<Op> updates) {
		net.weights().initialize(s, 1);
		Session.Runner run = s.runner();
		updates.forEach(run::addTarget);
		run.run();
		try (Result res = s.runner().fetch(net.weights().variable("enc0_bn1_mean")).run()) {
			return Tensors.read(res.get(0));
		}
	}

	@Test
	public void dualDecoderPredictsTheMeanOfItsBranches() {
		UNetConfig single = small(true), dual = small(true).withDecoders(2);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNet one = new UNet(single, new ParameterSet(tf, "one")), two = new UNet(dual, new ParameterSet(tf, "two"));
			int headWeights = 3 * 2; // the deep-supervision heads (weights and biases) belong to the first decoder only
			int encoderWeights = 5 * 6; // five blocks: two bias-free convolutions, two batch norms (gamma, beta)
			int decoderWeights = one.weights().trainableVariables().size() - encoderWeights - headWeights;
			assertEquals(one.weights().trainableVariables().size() + decoderWeights, two.weights().trainableVariables()
				.size());
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			UNet.Forward f = two.forward(tf, x, false, null);
			two.weights().initialize(s, 3);
			float[] image = new float[32 * 32];
			for (int i = 0; i < image.length; i++)
				image[i] = (float) Math.sin(i * 0.1);
			try (Tensor in = Tensors.floats(image, 1, 32, 32, 1); Result r = s.runner().feed(x, in).fetch(f.logits())
				.fetch(f.branchLogits().get(0)).fetch(f.branchLogits().get(1)).run()) {
				float[] mean = Tensors.read(r.get(0)), b1 = Tensors.read(r.get(1)), b2 = Tensors.read(r.get(2));
				assertTrue("the branches differ", Math.abs(b1[0] - b2[0]) > 1e-6);
				for (int i = 0; i < mean.length; i++)
					assertEquals((b1[i] + b2[i]) / 2, mean[i], 1e-5);
			}
		}
	}

	@Test
	public void initialValuesDependOnlyOnSeed() {
		float[] a = firstWeights(7), b = firstWeights(7), c = firstWeights(8);
		assertArrayEquals(a, b, 0f);
		assertTrue(a[0] != c[0]);
	}

	private static float[] firstWeights(long seed) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(small(false), new ParameterSet(tf, "s"));
			net.weights().initialize(s, seed);
			return net.weights().read(s).get("enc0_c1_w");
		}
	}

	@Test
	public void adamLowersTheLossDeterministically() {
		float[] first = train(5);
		float[] second = train(5);
		assertArrayEquals(first, second, 0f);
		assertTrue("loss should fall: " + java.util.Arrays.toString(first), first[4] < first[0]);
	}

	/** Trains the small U-Net to copy a thresholded input; returns the losses. */
	private static float[] train(int steps) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(small(false), new ParameterSet(tf, "s"));
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16, 16, 1)));
			Placeholder<TInt32> y = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, 16, 16)));
			Placeholder<TInt64> seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
			Placeholder<TFloat32> lr = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			Placeholder<TFloat32> step = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			UNet.Forward f = net.forward(tf, x, true, seed);
			var loss = Losses.crossEntropy(tf, f.logits(), y, 3);
			Adam adam = new Adam(tf, "adam", 0f);
			Op train = adam.minimize(tf, g, loss, net.weights().trainableVariables(), lr, step);
			List<Op> all = new ArrayList<>(f.statisticUpdates());
			all.add(train);
			Op stepOp = tf.withControlDependencies(all).noOp();
			net.weights().initialize(s, 3);
			adam.state().initialize(s, 0);
			float[] image = new float[4 * 16 * 16];
			int[] label = new int[image.length];
			java.util.Random r = new java.util.Random(1);
			for (int i = 0; i < image.length; i++) {
				image[i] = r.nextFloat();
				label[i] = image[i] < 0.3 ? 0 : image[i] < 0.6 ? 1 : 2;
			}
			float[] losses = new float[steps];
			for (int i = 0; i < steps; i++)
				try (Tensor in = Tensors.floats(image, 4, 16, 16, 1); Tensor lab = Tensors.ints(label, 4, 16, 16);
					Tensor sd = Tensors.longs(5, i); Tensor rate = Tensors.scalar(0.01f);
					Tensor t = Tensors.scalar(i + 1);
					Result res = s.runner().feed(x, in).feed(y, lab).feed(seed, sd).feed(lr, rate).feed(step, t)
						.addTarget(stepOp).fetch(loss).run()) {
					losses[i] = Tensors.readScalar(res.get(0));
				}
			assertEquals(steps, losses.length);
			return losses;
		}
	}
}
