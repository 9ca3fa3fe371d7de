package org.labelefficient.train;

import org.labelefficient.infer.SlicePredictor;
import org.labelefficient.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Predicts with the inference pass of a network inside a training session (for validation). */
final class SessionPredictor implements SlicePredictor {

	private final Session session;
	private final Placeholder<TFloat32> input;
	private final Operand<TFloat32> output;
	private final int numClasses;
	private final int sizeDivisor;

	SessionPredictor(Session session, Placeholder<TFloat32> input, Operand<TFloat32> output, int numClasses,
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
