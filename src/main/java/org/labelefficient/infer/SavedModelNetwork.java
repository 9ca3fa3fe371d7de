package org.labelefficient.infer;

import java.nio.file.Files;
import java.nio.file.Path;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.NetworkExporter;
import org.labelefficient.nn.SessionFactory;
import org.labelefficient.nn.Tensors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;

/**
 * A network loaded from a SavedModel written by {@link NetworkExporter}; needs none of the code that built it.
 * Thread-safe: TensorFlow sessions run concurrent calls independently.
 */
public final class SavedModelNetwork implements SlicePredictor, AutoCloseable {

	private final SavedModelBundle bundle;
	private final int numClasses;
	private final int sizeDivisor;

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
		try (Tensor input = Tensors.floats(tiles, n, height, width, 1);
			Result result = bundle.session().runner().feed(NetworkExporter.INPUT, input).fetch(
				NetworkExporter.OUTPUT).run()) {
			return Tensors.read(result.get(0));
		}
	}

	@Override
	public void close() {
		bundle.close();
	}
}
