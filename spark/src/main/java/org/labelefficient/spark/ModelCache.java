package org.labelefficient.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.labelefficient.infer.ModelPredictor;

/**
 * The models open in this JVM, by model folder and options: an executor loads a model once, on the first file of the
 * first task that needs it, and every later task of the job (or of later jobs in the same JVM) reuses it; the
 * predictor is thread-safe, so the task threads of one executor share it. Closed when the JVM exits.
 */
final class ModelCache {

	private static final Map<PredictSpec, ModelPredictor> OPEN = new ConcurrentHashMap<>();
	private static final AtomicInteger LOADS = new AtomicInteger();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.values().forEach(ModelPredictor::close),
			"close-models"));
	}

	private ModelCache() {}

	/** The predictor of {@code spec}, opened on first use in this JVM. */
	static ModelPredictor get(PredictSpec spec) {
		return OPEN.computeIfAbsent(spec, s -> {
			LOADS.incrementAndGet();
			return ModelPredictor.open(Path.of(s.model()), s.options());
		});
	}

	/** How many times this JVM loaded a model (for tests: once per model and options). */
	static int loads() {
		return LOADS.get();
	}
}
