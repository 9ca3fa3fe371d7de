package org.labelefficient.method;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import org.labelefficient.nn.Adam;
import org.labelefficient.nn.Tensors;
import org.labelefficient.nn.UNetConfig;
import org.labelefficient.setting.SettingValues;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A method's graph on a tiny U-Net and a fixed test batch for it: the first half of the samples labelled with three
 * classes by rows, the other half unlabelled, images that follow the classes plus a little texture; progress 0.1.
 */
final class FixedBatch {

	private FixedBatch() {}

	/**
	 * {@code method}'s graph with {@code settings} for batches of {@code batch} on a U-Net of 3 classes and 4 base
	 * channels (3D when the inputs are), its variables initialised in {@code s} from seeds 11, 12, ...
	 */
	static MethodGraph graph(Graph g, Ops tf, Session s, TrainingInputs inputs, TrainingMethod method,
		Map<String, String> settings, int batch) {
		UNetConfig network = UNetConfig.standard(3, 4, false);
		if (inputs.images.shape().numDimensions() == 5)
			network = network.volumetric(UNetConfig.uniformPooling(network.channels().length, 3));
		MethodContext c = new MethodContext(g, tf, inputs, network, (ops, prefix) -> new Adam(ops, prefix, 1e-4f),
			new SettingValues(method.settings(), settings), method.batchPlan(batch));
		MethodGraph mg = method.build(c);
		for (int i = 0; i < mg.variables().size(); i++)
			mg.variables().get(i).initialize(s, 11 + i);
		return mg;
	}

	/** The value of scalar {@code term} on the batch of step 1, without stepping. */
	static float fetch(Session s, TrainingInputs inputs, int batch, int[] shape, Operand<?> term) {
		float[] value = new float[1];
		feed(s, inputs, batch, 1, shape, r -> {
			try (Tensor t = r.fetch(term).run().get(0)) {
				value[0] = ((TFloat32) t).getFloat();
			}
		});
		return value[0];
	}

	/**
	 * Feeds the batch of {@code batch} patches of {@code shape} ({@code y, x} or {@code z, y, x}) for {@code step} to
	 * a runner and hands it to {@code use}.
	 */
	static void feed(Session s, TrainingInputs inputs, int batch, int step, int[] shape, Consumer<Session.Runner> use) {
		int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b), width = shape[shape.length - 1];
		float[] images = new float[batch * n];
		int[] labels = new int[images.length];
		for (int i = 0; i < images.length; i++) {
			int b = i / n, row = i / width % shape[shape.length - 2];
			images[i] = row < 5 ? 0f : row < 10 ? 1f : 2f;
			images[i] += 0.1f * (float) Math.sin(i);
			labels[i] = b < batch / 2 ? (row < 5 ? 0 : row < 10 ? 1 : 2) : -1;
		}
		long[] imageShape = new long[shape.length + 2], labelShape = new long[shape.length + 1];
		imageShape[0] = labelShape[0] = batch;
		imageShape[shape.length + 1] = 1;
		for (int a = 0; a < shape.length; a++)
			imageShape[a + 1] = labelShape[a + 1] = shape[a];
		try (Tensor x = Tensors.floats(images, imageShape); Tensor y = Tensors.ints(labels, labelShape);
			Tensor lr = Tensors.scalar(1e-3f); Tensor it = Tensors.scalar(step); Tensor progress = Tensors.scalar(0.1f);
			Tensor seed = Tensors.longs(1, step)) {
			use.accept(s.runner().feed(inputs.images, x).feed(inputs.labels, y).feed(inputs.learningRate, lr).feed(
				inputs.step, it).feed(inputs.progress, progress).feed(inputs.seed, seed));
		}
	}
}
