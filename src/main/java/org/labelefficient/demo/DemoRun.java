package org.labelefficient.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;
import org.labelefficient.train.TrainingSettings;

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
		TrainingSettings s = new TrainingSettings(iterations, 8, 64, seed, 2e-3, "adam", "poly", 1000, 0.1, 1e-5, 0.9,
			false, Math.max(1, iterations / 3), 16, true, 20);
		return new TrainingRequest(dataset, method, Map.of(), s, model, DemoDataset.UNLABELLED, -1, 0, 0.2,
			"train_patients.txt", "val_patients.txt", "zscore", false, true);
	}
}
