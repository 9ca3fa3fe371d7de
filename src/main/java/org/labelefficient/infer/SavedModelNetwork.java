package org.labelefficient.infer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.NetworkExporter;
import org.labelefficient.nn.SessionFactory;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * A network loaded from a SavedModel written by {@link NetworkExporter}; needs none of the code that built it.
 * Thread-safe: TensorFlow sessions run concurrent calls independently.
 */
public final class SavedModelNetwork implements SlicePredictor, AutoCloseable {

	private final SavedModelBundle bundle;
	private final SessionPredictor predictor;
	private final Output<TFloat32> input, output;

	/** Loads the SavedModel in {@code dir}. */
	public SavedModelNetwork(Path dir, int numClasses, int sizeDivisor) {
		if (!Files.isRegularFile(dir.resolve("saved_model.pb")))
			throw new BadInputException(dir, "not a SavedModel folder (saved_model.pb is missing)");
		try {
			this.bundle = SavedModelBundle.loader(dir.toString()).withTags("serve").withConfigProto(SessionFactory
				.config()).load();
		}
		catch (RuntimeException e) {
			throw new BadInputException(dir, "the SavedModel cannot be loaded (" + e.getMessage() + ")", e);
		}
		input = tensor(NetworkExporter.INPUT, Signature::getInputs);
		output = tensor(NetworkExporter.OUTPUT, Signature::getOutputs);
		this.predictor = new SessionPredictor(bundle.session(), input, output, numClasses, sizeDivisor);
	}

	/**
	 * The graph tensor of the only input (output) of signature {@value NetworkExporter#SIGNATURE}, so that SavedModels
	 * written by other tools (imported bioimage.io packages) run too; without such a signature, the operation named
	 * {@code name}, as {@link NetworkExporter} names it.
	 */
	@SuppressWarnings("unchecked")
	private Output<TFloat32> tensor(String name, Function<Signature, Map<String, Signature.TensorDescription>> side) {
		for (Signature s : bundle.signatures())
			if (s.key().equals(NetworkExporter.SIGNATURE) && side.apply(s).size() == 1) return (Output<TFloat32>) bundle
				.graph().outputOrThrow(side.apply(s).values().iterator().next().name);
		return bundle.graph().operation(name).output(0);
	}

	@Override
	public int numClasses() {
		return predictor.numClasses();
	}

	@Override
	public int sizeDivisor() {
		return predictor.sizeDivisor();
	}

	@Override
	public float[] predict(float[] tiles, int n, int height, int width) {
		return predictor.predict(tiles, n, height, width);
	}

	/** The loaded network as a 3D window predictor (for a 3D model), window sizes multiples of {@code divisors}. */
	public WindowPredictor windows(int[] divisors) {
		return new SessionWindowPredictor(bundle.session(), input, output, numClasses(), divisors);
	}

	@Override
	public void close() {
		bundle.close();
	}
}
