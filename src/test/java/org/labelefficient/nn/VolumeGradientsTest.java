package org.labelefficient.nn;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Random;
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

/** The registered 3D gradients match central finite differences of the forward ops. */
public class VolumeGradientsTest {

	private static final long[] X = { 2, 3, 4, 5, 2 }, W = { 3, 3, 3, 2, 3 };

	@Test
	public void conv3dGradientsMatchFiniteDifferences() {
		check((tf, xw) -> tf.nn.conv3d(xw.get(0), xw.get(1), List.of(1L, 1L, 1L, 1L, 1L), "SAME"), 1e-2, 2e-2);
	}

	@Test
	public void stridedValidConv3dGradientsMatchFiniteDifferences() {
		check((tf, xw) -> tf.nn.conv3d(xw.get(0), xw.get(1), List.of(1L, 1L, 2L, 2L, 1L), "VALID"), 1e-2, 2e-2);
	}

	@Test
	public void maxPool3dGradientMatchesFiniteDifferences() {
		check((tf, xw) -> tf.nn.maxPool3d(xw.get(0), List.of(1L, 2L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 2L, 1L),
			"VALID"), 1e-3, 1e-2);
	}

	@Test
	public void anisotropicMaxPool3dGradientMatchesFiniteDifferences() {
		check((tf, xw) -> tf.nn.maxPool3d(xw.get(0), List.of(1L, 1L, 2L, 2L, 1L), List.of(1L, 1L, 2L, 2L, 1L),
			"VALID"), 1e-3, 1e-2);
	}

	/**
	 * Compares d/dx and d/dw of {@code sum(op(x, w) * r)} (random {@code r}) with central differences of step
	 * {@code eps} at every input element.
	 */
	private static void check(BiFunction<Ops, List<Operand<TFloat32>>, Operand<TFloat32>> op, double eps,
		double tolerance) {
		VolumeGradients.register();
		VolumeGradients.register(); // a second call is harmless
		Random random = new Random(7);
		float[] x0 = gaussian(random, X), w0 = gaussian(random, W);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(X)));
			Placeholder<TFloat32> w = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(W)));
			Operand<TFloat32> y = op.apply(tf, List.of(x, w));
			long[] yShape = y.shape().asArray();
			Operand<TFloat32> loss = Losses.sumAll(tf, tf.math.mul(y, tf.reshape(tf.constant(gaussian(random, yShape)), tf
				.constant(toInts(yShape)))));
			boolean usesW = g.operation(y.op().name()).numInputs() > 1;
			Output<?>[] grads = g.addGradients(loss.asOutput(), usesW ? new Output<?>[] { x.asOutput(), w.asOutput() }
				: new Output<?>[] { x.asOutput() });
			float[] dx, dw = null;
			try (var tx = Tensors.floats(x0, X); var tw = Tensors.floats(w0, W)) {
				var runner = s.runner().feed(x, tx).feed(w, tw).fetch(grads[0]);
				if (usesW) runner.fetch(grads[1]);
				try (Result r = runner.run()) {
					dx = Tensors.read(r.get(0));
					if (usesW) dw = Tensors.read(r.get(1));
				}
			}
			for (int i = 0; i < x0.length; i++)
				assertEquals("d/dx" + i, numeric(s, x, w, loss, x0, w0, i, true, eps), dx[i], tolerance);
			if (usesW) for (int i = 0; i < w0.length; i++)
				assertEquals("d/dw" + i, numeric(s, x, w, loss, x0, w0, i, false, eps), dw[i], tolerance);
		}
	}

	private static double numeric(Session s, Placeholder<TFloat32> x, Placeholder<TFloat32> w,
		Operand<TFloat32> loss, float[] x0, float[] w0, int i, boolean inX, double eps) {
		double d = 0;
		for (int sign = -1; sign <= 1; sign += 2) {
			float[] xs = x0.clone(), ws = w0.clone();
			if (inX) xs[i] += (float) (sign * eps);
			else ws[i] += (float) (sign * eps);
			try (var tx = Tensors.floats(xs, X); var tw = Tensors.floats(ws, W); Result r = s.runner().feed(x, tx).feed(
				w, tw).fetch(loss).run()) {
				d += sign * Tensors.readScalar(r.get(0));
			}
		}
		return d / (2 * eps);
	}

	private static float[] gaussian(Random random, long[] shape) {
		long n = 1;
		for (long d : shape)
			n *= d;
		float[] v = new float[(int) n];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) random.nextGaussian();
		return v;
	}

	private static int[] toInts(long[] shape) {
		int[] out = new int[shape.length];
		for (int i = 0; i < shape.length; i++)
			out[i] = (int) shape[i];
		return out;
	}
}
