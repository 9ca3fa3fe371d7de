package org.labelefficient.infer;

import org.labelefficient.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Predicts 3D windows with the inference pass of a 3D network in a session (validation inside a training session, or
 * a loaded SavedModel): feeds {@code [n, D, H, W, 1]} to {@code input}, fetches the probabilities of {@code output}.
 */
public final class SessionWindowPredictor implements WindowPredictor {

	private final Session session;
	private final Operand<TFloat32> input;
	private final Operand<TFloat32> output;
	private final int numClasses;
	private final int[] divisors;

	/** A predictor feeding {@code input} and fetching {@code output} of {@code session}'s graph. */
	public SessionWindowPredictor(Session session, Operand<TFloat32> input, Operand<TFloat32> output, int numClasses,
		int[] divisors) {
		this.session = session;
		this.input = input;
		this.output = output;
		this.numClasses = numClasses;
		this.divisors = divisors.clone();
	}

	@Override
	public int numClasses() {
		return numClasses;
	}

	@Override
	public int[] divisors() {
		return divisors.clone();
	}

	@Override
	public float[] predict(float[] windows, int n, int depth, int height, int width) {
		try (Tensor in = Tensors.floats(windows, n, depth, height, width, 1);
			Result r = session.runner().feed(input, in).fetch(output).run()) {
			return Tensors.read(r.get(0));
		}
	}
}
