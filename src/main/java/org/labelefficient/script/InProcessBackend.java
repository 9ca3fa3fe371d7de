package org.labelefficient.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.labelefficient.bioimage.PackageImport;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.infer.Uncertainty;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.Volume;

/**
 * Segments in this JVM with one {@link ModelPredictor} kept open (TensorFlow on the class path: a development
 * checkout, the tests, a Fiji without the engine folder). Loaded only on that path, by {@link #open}.
 */
final class InProcessBackend implements Backend {

	private final ModelPredictor predictor;
	private final Path imported;

	private InProcessBackend(Path model, PredictionOptions options, Path imported) {
		// one network for both calls: probabilities are always computed, and dropped when only labels are asked for
		this.predictor = ModelPredictor.open(model, options.withProbabilities(true));
		this.imported = imported;
	}

	/** The model folder {@code model}, or the package {@code pack} imported into a temporary folder (else null). */
	static Backend open(Path model, Path pack, PredictionOptions options) throws IOException {
		if (pack == null) return new InProcessBackend(model, options, null);
		Path temp = Files.createTempDirectory("les-model-");
		try {
			PackageImport.importPackage(pack, temp.resolve("model"), line -> {});
			return new InProcessBackend(temp.resolve("model"), options, temp);
		}
		catch (RuntimeException | IOException e) {
			AtomicFiles.deleteRecursively(temp);
			throw e;
		}
	}

	@Override
	public int numClasses() {
		return predictor.info().numClasses;
	}

	@Override
	public List<String> classNames() {
		return List.copyOf(predictor.info().classNames);
	}

	@Override
	public Prediction predict(Volume image, boolean probabilities) {
		Segmentation s = predictor.segment(image, "image");
		return probabilities ? new Prediction(s.labels(), s.probabilities(), Uncertainty.entropy(s.probabilities()))
			: new Prediction(s.labels(), List.of(), null);
	}

	@Override
	public String describe() {
		return "this JVM";
	}

	@Override
	public void close() throws IOException {
		predictor.close();
		if (imported != null) AtomicFiles.deleteRecursively(imported);
	}
}
