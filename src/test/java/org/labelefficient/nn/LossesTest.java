package org.labelefficient.nn;

import static org.junit.Assert.assertEquals;

import java.util.function.BiFunction;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Loss values on tiny tensors against values computed by hand. */
public class LossesTest {

	/** Logits of a 1x1x2 batch with 2 classes: pixel 0 (2, 0), pixel 1 (0, 1). */
	private static final float[][][][] LOGITS = { { { { 2, 0 }, { 0, 1 } } } };

	private static float evaluate(int[][][] labels, BiFunction<Ops, Operand<TInt32>, Operand<TFloat32>> loss) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> value = loss.apply(tf, tf.constant(labels));
			try (Result r = s.runner().fetch(value).run()) {
				return Tensors.readScalar(r.get(0));
			}
		}
	}

	private static double logSoftmax(double a, double b) {
		return a - Math.log(Math.exp(a) + Math.exp(b));
	}

	@Test
	public void crossEntropyIsTheMeanOverPixels() {
		float v = evaluate(new int[][][] { { { 0, 1 } } }, (tf, y) -> Losses.crossEntropy(tf, tf.constant(LOGITS), y,
			2));
		double expected = -(logSoftmax(2, 0) + logSoftmax(1, 0)) / 2;
		assertEquals(expected, v, 1e-6);
	}

	@Test
	public void partialCrossEntropyIgnoresUnlabelledPixels() {
		float v = evaluate(new int[][][] { { { -1, 0 } } }, (tf, y) -> Losses.partialCrossEntropy(tf, tf.constant(
			LOGITS), y, 2));
		assertEquals(-logSoftmax(0, 1), v, 1e-6);
	}

	@Test
	public void partialCrossEntropyWithoutScribblesIsZero() {
		float v = evaluate(new int[][][] { { { -1, -1 } } }, (tf, y) -> Losses.partialCrossEntropy(tf, tf.constant(
			LOGITS), y, 2));
		assertEquals(0, v, 0);
	}

	@Test
	public void diceLossMatchesHandComputedSquaredForm() {
		float v = evaluate(new int[][][] { { { 0, 1 } } }, (tf, y) -> Losses.diceLoss(tf, tf.constant(LOGITS), y, 2));
		double p00 = Math.exp(logSoftmax(2, 0)), p01 = 1 - p00; // pixel 0
		double p11 = Math.exp(logSoftmax(1, 0)), p10 = 1 - p11; // pixel 1
		double s = Losses.DICE_SMOOTH;
		double dice0 = (2 * p00 + s) / (p00 * p00 + p10 * p10 + 1 + s);
		double dice1 = (2 * p11 + s) / (p01 * p01 + p11 * p11 + 1 + s);
		assertEquals(1 - (dice0 + dice1) / 2, v, 1e-6);
	}

	/**
	 * The gradient of {@link Losses#logSoftmax} matches central finite differences (TensorFlow Java's own LogSoftmax
	 * gradient does not: it drops the softmax term, which once silently broke distillation).
	 */
	@Test
	public void logSoftmaxGradientMatchesFiniteDifferences() {
		float[] x0 = { 0.3f, -0.2f, 0.4f, 0f, 0.5f, 0.1f };
		float[] weights = { 0.1f, 0.5f, -0.3f, 1f, 0f, 0f };
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
			Operand<TFloat32> loss = Losses.sumAll(tf, tf.math.mul(Losses.logSoftmax(tf, x), tf.constant(new float[][] {
				{ 0.1f, 0.5f, -0.3f }, { 1f, 0f, 0f } })));
			Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] { x.asOutput() });
			float[] analytic;
			try (var t = Tensors.floats(x0, 2, 3); Result r = s.runner().feed(x, t).fetch(grad[0]).run()) {
				analytic = Tensors.read(r.get(0));
			}
			for (int i = 0; i < 6; i++) {
				double numeric = 0;
				for (int sign = -1; sign <= 1; sign += 2) {
					float[] xs = x0.clone();
					xs[i] += sign * 1e-2f;
					double v = 0;
					for (int row = 0; row < 2; row++) {
						double m = Math.log(Math.exp(xs[3 * row]) + Math.exp(xs[3 * row + 1]) + Math.exp(xs[3 * row + 2]));
						for (int k = 0; k < 3; k++)
							v += weights[3 * row + k] * (xs[3 * row + k] - m);
					}
					numeric += sign * v / 2e-2;
				}
				assertEquals("d/dx" + i, numeric, analytic[i], 1e-4);
			}
		}
	}
}
