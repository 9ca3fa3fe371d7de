package org.labelefficient.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.labelefficient.data.DatasetSettings;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.model.AtomicFiles;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/**
 * The demo: generates a small synthetic cardiac dataset with scribbles, trains a scribble method on it, predicts the test
 * volumes and evaluates them against their dense labels. Everything is written under one folder: {@code data/},
 * {@code model/}, {@code predictions/} and {@code metrics.csv}.
 *
 * @param method the training method ({@code pce} by default on the command line)
 * @param iterations training budget
 * @param size width and height of the generated volumes
 */
public record DemoRun(Path folder, String method, int iterations, int size, long seed) {

	/** Runs the demo end to end and returns the test metrics; {@code log} receives progress lines. */
	public MetricsTable run(TrainingListener listener, TrainingControl control, Consumer<String> log)
		throws IOException {
		for (String part : new String[] { "data", "model", "predictions" })
			AtomicFiles.deleteRecursively(folder.resolve(part));
		log.accept("Generating synthetic cardiac volumes with scribbles in " + folder.resolve("data"));
		DemoDataset.Layout data = new DemoDataset(size, 4).write(folder.resolve("data"), 8, 2, 3);
		Path model = folder.resolve("model");
		TrainingResult result = TrainingRunner.run(request(data.dataset(), model), listener, control);
		log.accept(String.format("Trained %d iterations in %.0f s", result.iterationsDone(), result.seconds()));
		Path predictions = folder.resolve("predictions");
		try (ModelPredictor predictor = ModelPredictor.open(model, PredictionOptions.defaults())) {
			predictor.predictPath(data.testImages(), predictions, log);
		}
		MetricsTable table = new FolderEvaluation(null, 0).evaluate(predictions, data.testLabels(), s -> {});
		table.writeCsv(folder.resolve("metrics.csv"));
		return table;
	}

	private TrainingRequest request(Path dataset, Path model) {
		Map<Setting<?>, Object> o = new LinkedHashMap<>();
		o.put(RequestSettings.DATASET, dataset);
		o.put(RequestSettings.METHOD, method);
		o.put(RequestSettings.OUTPUT, model);
		o.put(DatasetSettings.UNLABELLED_VALUE, DemoDataset.UNLABELLED);
		o.put(LoopSettings.ITERATIONS, iterations);
		o.put(LoopSettings.PATCH_SIZE, 64);
		o.put(LoopSettings.SEED, seed);
		o.put(LoopSettings.LEARNING_RATE, 2e-3);
		o.put(LoopSettings.LR_STEP, 1000);
		o.put(LoopSettings.VALIDATION_INTERVAL, Math.max(1, iterations / 3));
		return TrainingRequest.of(Setting.asText(o));
	}
}
