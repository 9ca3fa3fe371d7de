package org.labelefficient.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

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
 * computation: {@code g_u = 2 (w - a)}, {@code w' = w - lr g_u}, {@code g_l = 2 (w' - b)}, {@code h = lr <g_l, g_u>};
 * and the scalar of the step taken, {@code <g_l, w - w'>}, which equals it under plain SGD and follows Adam's step.
 */
public class FeedbackTest {

	private static final float[] W0 = { 1, -2, 0.5f }, A = { 0, 1, 2 }, B = { 3, 0, -1 };
	private static final float LR = 0.1f;

	@Test
	public void feedbackIsTheLearningRateTimesTheGradientDotProductAcrossTheStep() {
		for (Feedback.Scalar scalar : Feedback.Scalar.values()) {
			float[] w1 = new float[3];
			float h = feedback(false, scalar, w1);
			double expected = 0;
			for (int i = 0; i < 3; i++) {
				double gu = 2 * (W0[i] - A[i]);
				assertEquals(scalar + ": the student stepped once on g_u", W0[i] - LR * gu, w1[i], 1e-6);
				expected += LR * 2 * (w1[i] - B[i]) * gu;
			}
			assertEquals(scalar.toString(), expected, h, 1e-5);
		}
	}

	/** Under Adam the step is {@code lr sign(g_u)} at step 1 (bias-corrected moments), and h follows it. */
	@Test
	public void theStepScalarFollowsTheStepAdamTook() {
		float[] w1 = new float[3];
		float h = feedback(true, Feedback.Scalar.STEP, w1);
		double expected = 0;
		for (int i = 0; i < 3; i++) {
			double step = LR * Math.signum(W0[i] - A[i]);
			assertEquals("Adam's first step", W0[i] - step, w1[i], 1e-5);
			expected += 2 * (w1[i] - B[i]) * step;
		}
		assertEquals(expected, h, 1e-4);
		float[] ignored = new float[3];
		assertNotEquals("the paper's formula assumes plain SGD", expected, feedback(true, Feedback.Scalar.GRADIENT,
			ignored), 0.1);
	}

	/** Runs one feedback step from {@link #W0}; returns h and writes the new weights into {@code w1}. */
	private static float feedback(boolean adam, Feedback.Scalar scalar, float[] w1) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			ParameterSet p = new ParameterSet(tf, "s");
			Variable<TFloat32> w = p.trainable("w", ParameterSet.Init.ZEROS, 1, 3);
			Operand<TFloat32> pseudo = Losses.sumAll(tf, tf.math.square(tf.math.sub(w, tf.constant(A))));
			Optimizer opt = adam ? new Adam(tf, "opt", 0) : new Sgd(tf, "opt", 0, false, 0);
			Feedback f = Feedback.build(tf, g, pseudo, after -> Losses.sumAll(after, after.math.square(after.math.sub(
				after.identity(w), after.constant(B)))), List.of(w), opt, tf.constant(LR), tf.constant(1f), scalar);
			p.write(s, Map.of("w", W0));
			if (adam) opt.state().initialize(s, 1); // plain SGD keeps no state
			float h;
			try (Result r = s.runner().addTarget(f.update()).fetch(f.feedback()).run()) {
				h = Tensors.readScalar(r.get(0));
			}
			System.arraycopy(p.read(s).get("w"), 0, w1, 0, 3);
			return h;
		}
	}
}
