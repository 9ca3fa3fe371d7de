package org.labelefficient.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The anatomical contrast on tiny tensors whose samples are forced, against hand computations. */
public class AnatomicalContrastTest {

	private static final float TAU = 0.5f;

	@Test
	public void infoNceOfEachQueryWithThePrototypeFirstAndTheSharedKeys() {
		double a = 1 / TAU;
		double q1 = -Math.log(Math.exp(a) / (Math.exp(a) + 1 + Math.exp(-a)));
		double q2 = -Math.log(1 / (1 + Math.exp(a) + 1));
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> loss = AnatomicalContrast.infoNce(tf, tf.constant(new float[][] { { 1, 0 }, { 0, 1 } }),
				tf.constant(new float[] { 1, 0 }), tf.constant(new float[][] { { 0, 1 }, { -1, 0 } }), TAU);
			assertEquals((q1 + q2) / 2, scalar(s, loss), 1e-5);
		}
	}

	/**
	 * Three classes, class 2 absent. Class 0: pixel 0 (1, 0) is hard, pixel 1 (3, 1) confident, so every query is
	 * (1, 0) and the prototype is the direction of (2, 0.5); class 1: pixels (0, 1) and (0, 2), both confident, so it
	 * has no queries, but is the only negative class of class 0, and every key is (0, 1). An invalid pixel (-1) far
	 * away changes nothing. The loss is class 0's InfoNCE over the 2 present classes.
	 */
	@Test
	public void hardQueriesOfEachClassAgainstItsPrototypeAndKeysOfTheOtherClasses() {
		int queries = 2, negatives = 3;
		double positive = 4 / Math.sqrt(17) / TAU;
		double expected = -Math.log(Math.exp(positive) / (Math.exp(positive) + negatives)) / 2;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			ParameterSet weights = new ParameterSet(tf, "r");
			Variable<TFloat32> rep = weights.trainable("rep", ParameterSet.Init.ZEROS, 1, 1, 1, 5, 2);
			float[] confident0 = { 0.99f, 0.005f, 0.005f }, confident1 = { 0.005f, 0.99f, 0.005f };
			Operand<TFloat32> p = tf.constant(new float[][][][] { { { { 0.5f, 0.3f, 0.2f }, confident0, confident1,
				confident1, confident1 } } });
			Operand<TFloat32> loss = AnatomicalContrast.loss(tf, rep, tf.constant(new int[][][] { { { 0, 0, 1, 1,
				-1 } } }), p, 3, new AnatomicalContrast.Sampling(queries, negatives, TAU, 0.97f), tf.constant(
					new long[] { 1, 2 }));
			Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] { rep.asOutput() });
			weights.write(s, Map.of("rep", new float[] { 1, 0, 3, 1, 0, 1, 0, 2, -5, 0 }));
			assertEquals(expected, scalar(s, loss), 1e-5);
			assertNotNull(grad[0]);
			try (Result r = s.runner().fetch(grad[0]).run()) {
				float[] d = Tensors.read(r.get(0));
				assertTrue("the hard query gets a gradient", d[0] != 0 || d[1] != 0);
				for (int i = 2; i < d.length; i++)
					assertEquals("keys and prototypes get none", 0, d[i], 0);
			}
		}
	}

	@Test
	public void aSingleClassGivesNoLoss() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> loss = AnatomicalContrast.loss(tf, tf.constant(new float[][][][] { { { { 1, 0 }, { 0,
				1 } } } }), tf.constant(new int[][][] { { { 1, 1 } } }), tf.constant(new float[][][][] { { { { 0.5f,
					0.5f }, { 0.5f, 0.5f } } } }), 2, new AnatomicalContrast.Sampling(4, 4, TAU, 0.97f), tf.constant(
						new long[] { 1, 2 }));
			assertEquals(0, scalar(s, loss), 0);
		}
	}

	private static float scalar(Session s, Operand<TFloat32> x) {
		try (Result r = s.runner().fetch(x).run()) {
			return Tensors.readScalar(r.get(0));
		}
	}
}
