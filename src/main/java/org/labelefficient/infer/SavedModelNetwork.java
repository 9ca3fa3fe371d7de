package org.labelefficient.infer;

import java.nio.file.Files;
import java.nio.file.Path;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.NetworkExporter;
import org.labelefficient.nn.SessionFactory;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
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
		input = bundle.graph().operation(NetworkExporter.INPUT).output(0);
		output = bundle.graph().operation(NetworkExporter.OUTPUT).output(0);
		this.predictor = new SessionPredictor(bundle.session(), input, output, numClasses, sizeDivisor);
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
