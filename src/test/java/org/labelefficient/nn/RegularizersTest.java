package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The scribble regularisers on tiny tensors against values computed by hand. */
public class RegularizersTest {

	private static final double LN3 = Math.log(3);

	private static float scalar(Function<Ops, Operand<TFloat32>> f) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			try (Result r = s.runner().fetch(f.apply(Ops.create(g))).run()) {
				return Tensors.readScalar(r.get(0));
			}
		}
	}

	/** Two pixels, two classes: logits (0, 0) and (0, ln 3), i.e. probabilities (1/2, 1/2) and (1/4, 3/4). */
	private static Operand<TFloat32> logits(Ops tf) {
		return tf.constant(new float[][][][] { { { { 0, 0 }, { 0, (float) LN3 } } } });
	}

	private static double entropy(double... p) {
		double h = 0;
		for (double q : p) {
			double r = 0.999 * q + 5e-4;
			h -= r * Math.log(r);
		}
		return h;
	}

	@Test
	public void entropyIsNormalisedAndSmoothedAsInPyMIC() {
		double expected = (entropy(0.5, 0.5) + entropy(0.25, 0.75)) / 2 / Math.log(2);
		assertEquals(expected, scalar(tf -> Regularizers.entropy(tf, logits(tf), 2)), 1e-6);
		assertEquals(1.0, entropy(0.5, 0.5) / Math.log(2), 1e-9);
	}

	@Test
	public void distillationIsTheTemperatureScaledKl() {
		// teacher = pixel 2 of logits() for both pixels, student = (0, 0)
		double kl1 = 0.25 * Math.log(0.25 / 0.5) + 0.75 * Math.log(0.75 / 0.5);
		float t1 = scalar(tf -> Regularizers.distillation(tf, tf.constant(new float[][][][] { { { { 0, (float) LN3 } } } }),
			tf.constant(new float[][][][] { { { { 0, 0 } } } }), 1f));
		assertEquals(kl1, t1, 1e-6);
		double a = 1 / (1 + Math.sqrt(3)), b = 1 - a; // softmax(0, ln3 / 2)
		double kl2 = 4 * (a * Math.log(a / 0.5) + b * Math.log(b / 0.5));
		float t2 = scalar(tf -> Regularizers.distillation(tf, tf.constant(new float[][][][] { { { { 0, (float) LN3 } } } }),
			tf.constant(new float[][][][] { { { { 0, 0 } } } }), 2f));
		assertEquals(kl2, t2, 1e-6);
		assertEquals(0, scalar(tf -> Regularizers.distillation(tf, logits(tf), logits(tf), 2f)), 1e-7);
	}

	@Test
	public void classesComeFromScribblesThenConfidentTeacherPixels() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			// pixel 0: unscribbled, teacher 0.9 for class 1; pixel 1: scribbled 2; pixel 2: unscribbled, teacher unsure
			Operand<TFloat32> teacher = tf.math.log(tf.constant(new float[][][][] { { { { 0.05f, 0.9f, 0.05f }, { 0.9f,
				0.05f, 0.05f }, { 0.4f, 0.3f, 0.3f } } } }));
			Operand<TInt32> classes = Regularizers.assignClasses(tf, tf.constant(new int[][][] { { { -1, 2, -1 } } }),
				teacher, 0.8f);
			try (Result r = s.runner().fetch(classes).run()) {
				assertArrayEquals(new int[] { 1, 2, -1 }, Tensors.readInts(r.get(0)));
			}
		}
	}

	@Test
	public void classContrastMatchesHandComputedInfoNce() {
		// embeddings e0 = (1, 0), e1 = (0.6, 0.8) of class 0; e2 = (0, 1) of class 1; class 2 absent; tau = 0.5
		double[][] e = { { 1, 0 }, { 0.6, 0.8 }, { 0, 1 } };
		double n = Math.hypot(0.8, 0.4);
		double[][] mu = { { 0.8 / n, 0.4 / n }, { 0, 1 } };
		int[] c = { 0, 0, 1 };
		double expected = 0;
		for (int i = 0; i < 3; i++) {
			double s0 = (e[i][0] * mu[0][0] + e[i][1] * mu[0][1]) / 0.5, s1 = (e[i][0] * mu[1][0] + e[i][1] * mu[1][1])
				/ 0.5;
			double own = c[i] == 0 ? s0 : s1;
			expected += -(own - Math.log(Math.exp(s0) + Math.exp(s1))) / 3;
		}
		float v = scalar(tf -> ClassContrast.loss(tf, tf.constant(new float[][][][] { { { { 1, 0 }, { 0.6f, 0.8f }, {
			0, 1 } } } }), tf.constant(new int[][][] { { { 0, 0, 1 } } }), 3, 0.5f, 1000, tf.constant(new long[] { 1,
				2 })));
		assertEquals(expected, v, 1e-5);
	}

	@Test
	public void classContrastSamplesAboutTheRequestedPixelsPerClass() {
		// 400 pixels of class 0 exactly at their prototype (1, 0); 4 pixels of class 1 spread at (0.6, 0.8) and
		// (-0.6, 0.8), prototype (0, 1): the classes' per-pixel losses differ, so sampling shifts the mean
		float[][][][] emb = new float[1][1][404][];
		int[][][] cls = new int[1][1][404];
		for (int i = 0; i < 404; i++) {
			emb[0][0][i] = i < 400 ? new float[] { 1, 0 } : new float[] { i % 2 == 0 ? 0.6f : -0.6f, 0.8f };
			cls[0][0][i] = i < 400 ? 0 : 1;
		}
		double ce0 = -(1 - Math.log(Math.E + 1)); // own similarity 1, other 0
		double ce1 = (-(0.8 - Math.log(Math.exp(0.8) + Math.exp(0.6))) - (0.8 - Math.log(Math.exp(0.8) + Math.exp(
			-0.6)))) / 2;
		double unsampled = (400 * ce0 + 4 * ce1) / 404;
		float all = scalar(tf -> ClassContrast.loss(tf, tf.constant(emb), tf.constant(cls), 2, 1f, 100_000, tf.constant(
			new long[] { 3, 4 })));
		assertEquals(unsampled, all, 1e-5);
		// 20 per class: all 4 class-1 pixels and about 20 (binomial 400 x 0.05) of class 0
		float sampled = scalar(tf -> ClassContrast.loss(tf, tf.constant(emb), tf.constant(cls), 2, 1f, 20, tf.constant(
			new long[] { 3, 4 })));
		double fewClass0 = (10 * ce0 + 4 * ce1) / 14, manyClass0 = (32 * ce0 + 4 * ce1) / 36;
		assertTrue(sampled + " not in [" + manyClass0 + ", " + fewClass0 + "]", sampled >= manyClass0
			&& sampled <= fewClass0);
	}

	@Test
	public void embeddingOnlyTheSampledPixelsGivesTheLossAndGradientsOfEmbeddingAll() {
		java.util.Random r = new java.util.Random(5);
		float[] features = new float[2 * 6 * 7 * 3];
		for (int i = 0; i < features.length; i++)
			features[i] = (float) r.nextGaussian();
		int[] classes = new int[2 * 6 * 7];
		for (int i = 0; i < classes.length; i++)
			classes[i] = r.nextInt(4) - 1; // -1 (unassigned), 0, 1, 2
		try (org.tensorflow.Graph g = new org.tensorflow.Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			ProjectionHead head = new ProjectionHead(new ParameterSet(tf, "p"), 3, 8, 4);
			Operand<TFloat32> f = tf.reshape(tf.constant(features), tf.constant(new int[] { 2, 6, 7, 3 }));
			Operand<TInt32> c = tf.reshape(tf.constant(classes), tf.constant(new int[] { 2, 6, 7 }));
			Operand<org.tensorflow.types.TInt64> seed = tf.constant(new long[] { 7, 8 });
			// embedding every pixel first (the straightforward form) against embedding the sampled pixels only
			Operand<TFloat32> everyPixel = tf.reshape(head.embedRows(tf, tf.reshape(f, tf.constant(new int[] { -1,
				3 }))), tf.constant(new int[] { 2, 6, 7, 4 }));
			Operand<TFloat32> full = ClassContrast.loss(tf, everyPixel, c, 3, 0.5f, 10, seed);
			Operand<TFloat32> sampled = ClassContrast.loss(tf, f, head::embedRows, c, 3, 0.5f, 10, seed);
			java.util.List<Operand<?>> xs = new java.util.ArrayList<>(head.weights().trainableVariables());
			xs.add(f);
			org.tensorflow.Output<?>[] xo = xs.stream().map(Operand::asOutput).toArray(org.tensorflow.Output[]::new);
			org.tensorflow.Output<?>[] gFull = g.addGradients(full.asOutput(), xo), gSampled = g.addGradients(sampled
				.asOutput(), xo);
			head.weights().initialize(s, 3);
			Session.Runner runner = s.runner().fetch(full).fetch(sampled);
			for (int i = 0; i < xo.length; i++)
				runner.fetch(gFull[i]).fetch(gSampled[i]);
			try (Result res = runner.run()) {
				float a = Tensors.readScalar(res.get(0)), b = Tensors.readScalar(res.get(1));
				assertTrue("a real loss: " + a, a > 0.1);
				assertEquals(a, b, 1e-5);
				for (int i = 0; i < xo.length; i++) {
					float[] ga = Tensors.read(res.get(2 + 2 * i)), gb = Tensors.read(res.get(3 + 2 * i));
					assertTrue("gradient " + i + " is not zero", nonZero(ga));
					assertArrayEquals("gradient " + i, ga, gb, 1e-5f);
				}
			}
		}
	}

	private static boolean nonZero(float[] v) {
		for (float x : v)
			if (x != 0) return true;
		return false;
	}

	@Test
	public void rampFollowsThePyMICSigmoid() {
		assertEquals(Math.exp(-5), Ramp.sigmoid(0.1, 0.1, 0.75), 1e-12);
		assertEquals(Math.exp(-1.25), Ramp.sigmoid(0.425, 0.1, 0.75), 1e-12);
		assertEquals(1, Ramp.sigmoid(0.9, 0.1, 0.75), 0);
		assertEquals(Math.exp(-1.25), scalar(tf -> Ramp.sigmoid(tf, tf.constant(0.425f), 0.1, 0.75)), 1e-6);
	}

	@Test
	public void emaCopiesAtTheFirstStepThenAverages() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			ParameterSet teacher = new ParameterSet(tf, "t"), student = new ParameterSet(tf, "s");
			teacher.trainable("w", ParameterSet.Init.ZEROS, 1, 2);
			student.trainable("w", ParameterSet.Init.ZEROS, 1, 2);
			var step = tf.placeholder(TFloat32.class);
			var update = Ema.update(tf, teacher, student, step, 0.99);
			teacher.write(s, Map.of("w", new float[] { 5, 5 }));
			student.write(s, Map.of("w", new float[] { 1, 3 }));
			try (var one = Tensors.scalar(1f)) {
				s.runner().feed(step, one).addTarget(update).run();
			}
			assertArrayEquals(new float[] { 1, 3 }, teacher.read(s).get("w"), 0);
			student.write(s, Map.of("w", new float[] { 11, 13 }));
			try (var ten = Tensors.scalar(10f)) {
				s.runner().feed(step, ten).addTarget(update).run();
			}
			assertArrayEquals(new float[] { 0.9f * 1 + 0.1f * 11, 0.9f * 3 + 0.1f * 13 }, teacher.read(s).get("w"),
				1e-6f);
			assertEquals(0.99, Ema.decayAt(1000, 0.99), 0);
		}
	}

	@Test
	public void emaOfTrainedWeightsOnlyLeavesTheTeachersStatistics() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			ParameterSet teacher = new ParameterSet(tf, "t"), student = new ParameterSet(tf, "s");
			for (ParameterSet p : List.of(teacher, student)) {
				p.trainable("w", ParameterSet.Init.ZEROS, 1, 1);
				p.state("w_mean", ParameterSet.Init.ZEROS, 1);
			}
			var step = tf.placeholder(TFloat32.class);
			var weightsOnly = Ema.update(tf, teacher, student, step, 0.5, false);
			var everything = Ema.update(tf, teacher, student, step, 0.5, true);
			teacher.write(s, Map.of("w", new float[] { 4 }, "w_mean", new float[] { 7 }));
			student.write(s, Map.of("w", new float[] { 2 }, "w_mean", new float[] { 1 }));
			try (var five = Tensors.scalar(5f)) {
				s.runner().feed(step, five).addTarget(weightsOnly).run();
				assertArrayEquals(new float[] { 3 }, teacher.read(s).get("w"), 1e-6f);
				assertArrayEquals("statistics untouched", new float[] { 7 }, teacher.read(s).get("w_mean"), 0);
				s.runner().feed(step, five).addTarget(everything).run();
				assertArrayEquals(new float[] { 2.5f }, teacher.read(s).get("w"), 1e-6f);
				assertArrayEquals(new float[] { 4 }, teacher.read(s).get("w_mean"), 1e-6f);
			}
		}
	}
}
