package org.labelefficient.infer;

import org.labelefficient.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Predicts with the inference pass of a network in a session: feeds tiles to {@code input}, fetches the probabilities
 * of {@code output}. Serves validation inside a training session and loaded SavedModels alike.
 */
public final class SessionPredictor implements SlicePredictor {

	private final Session session;
	private final Operand<TFloat32> input;
	private final Operand<TFloat32> output;
	private final int numClasses;
	private final int sizeDivisor;

	/** A predictor feeding {@code input} and fetching {@code output} of {@code session}'s graph. */
	public SessionPredictor(Session session, Operand<TFloat32> input, Operand<TFloat32> output, int numClasses,
		int sizeDivisor) {
		this.session = session;
		this.input = input;
		this.output = output;
		this.numClasses = numClasses;
		this.sizeDivisor = sizeDivisor;
	}

	@Override
	public int numClasses() {
		return numClasses;
	}

	@Override
	public int sizeDivisor() {
		return sizeDivisor;
	}

	@Override
	public float[] predict(float[] tiles, int n, int height, int width) {
		try (Tensor in = Tensors.floats(tiles, n, height, width, 1); Result r = session.runner().feed(input, in).fetch(
			output).run()) {
			return Tensors.read(r.get(0));
		}
	}
}
