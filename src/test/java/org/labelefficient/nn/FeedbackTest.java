package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Reciprocal Learning's feedback scalar on a tiny "network" (one weight vector, quadratic losses) against the explicit
 * computation: {@code g_u = 2 (w - a)}, {@code w' = w - lr g_u}, {@code g_l = 2 (w' - b)}, {@code h = lr <g_l, g_u>}.
 */
public class FeedbackTest {

	@Test
	public void feedbackIsTheLearningRateTimesTheGradientDotProductAcrossTheStep() {
		float[] w0 = { 1, -2, 0.5f }, a = { 0, 1, 2 }, b = { 3, 0, -1 };
		float lr = 0.1f;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			ParameterSet p = new ParameterSet(tf, "s");
			Variable<TFloat32> w = p.trainable("w", ParameterSet.Init.ZEROS, 1, 3);
			Operand<TFloat32> pseudo = Losses.sumAll(tf, tf.math.square(tf.math.sub(w, tf.constant(a))));
			Sgd sgd = new Sgd(tf, "opt", 0, false, 0);
			Feedback f = Feedback.build(tf, g, pseudo, after -> Losses.sumAll(after, after.math.square(after.math.sub(
				after.identity(w), after.constant(b)))), List.of(w), sgd, tf.constant(lr), tf.constant(1f));
			p.write(s, Map.of("w", w0));
			float h;
			try (Result r = s.runner().addTarget(f.update()).fetch(f.feedback()).run()) {
				h = Tensors.readScalar(r.get(0));
			}
			double expected = 0;
			float[] w1 = new float[3];
			for (int i = 0; i < 3; i++) {
				double gu = 2 * (w0[i] - a[i]);
				w1[i] = (float) (w0[i] - lr * gu);
				expected += lr * 2 * (w1[i] - b[i]) * gu;
			}
			assertEquals(expected, h, 1e-5);
			assertArrayEquals("the student stepped once on g_u", w1, p.read(s).get("w"), 1e-6f);
		}
	}
}
