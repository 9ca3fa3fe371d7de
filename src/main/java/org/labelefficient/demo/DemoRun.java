package org.labelefficient.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.labelefficient.data.DatasetSettings;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.FileNames;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;
import org.labelefficient.ui.ResultFigure;

/**
 * The demo: generates a small synthetic cardiac dataset with scribbles, trains a scribble method on it, predicts the test
 * volumes, evaluates them against their dense labels and draws a figure of each, so that a first run shows what the
 * method did. Everything is written under one folder: {@code data/}, {@code model/}, {@code predictions/},
 * {@code metrics.csv} and beside it one {@code <test volume>.png} (image, scribbles, prediction, reference).
 *
 * @param method the training method ({@code scribsd} by default on the command line)
 * @param iterations training budget
 * @param size width and height of the generated volumes
 */
public record DemoRun(Path folder, String method, int iterations, int size, long seed) {

	private static final int DEPTH = 4;

	/** Runs the demo end to end and returns the test metrics; {@code log} receives progress lines. */
	public MetricsTable run(TrainingListener listener, TrainingControl control, Consumer<String> log)
		throws IOException {
		for (String part : new String[] { "data", "model", "predictions" })
			AtomicFiles.deleteRecursively(folder.resolve(part));
		log.accept("Generating synthetic cardiac volumes with scribbles in " + folder.resolve("data"));
		DemoDataset.Layout data = new DemoDataset(size, DEPTH).write(folder.resolve("data"), 8, 2, 3);
		Path model = folder.resolve("model");
		TrainingResult result = TrainingRunner.run(request(data.dataset(), model), listener, control);
		log.accept(String.format("Trained %d iterations in %.0f s", result.iterationsDone(), result.seconds()));
		Path predictions = folder.resolve("predictions");
		try (ModelPredictor predictor = ModelPredictor.open(model, PredictionOptions.defaults())) {
			predictor.predictPath(data.testImages(), predictions, log);
		}
		MetricsTable table = new FolderEvaluation(null, 0).evaluate(predictions, data.testLabels(), s -> {});
		table.writeCsv(folder.resolve("metrics.csv"));
		log.accept("Figures (rows: slices " + Arrays.toString(ResultFigure.slices(DEPTH)) + "; columns: image, "
			+ "scribbles, prediction, reference):");
		try (Stream<Path> images = Files.list(data.testImages())) {
			for (Path image : images.sorted().toList())
				log.accept("  " + drawFigure(data, predictions, image.getFileName().toString()).toAbsolutePath());
		}
		return table;
	}

	/**
	 * Writes {@code <case>.png} beside {@code metrics.csv}: the test image, its scribbles (drawn like the training
	 * ones; the model never saw them), the prediction and the reference, labels over the image.
	 */
	private Path drawFigure(DemoDataset.Layout data, Path predictions, String file) {
		Path figure = folder.resolve(FileNames.baseName(Path.of(file)) + ".png");
		ResultFigure.write(figure, VolumeIO.read(data.testImages().resolve(file)), List.of(
			new ResultFigure.Layer(VolumeIO.read(data.testScribbles().resolve(file)), DemoDataset.UNLABELLED, 1),
			new ResultFigure.Layer(VolumeIO.read(predictions.resolve(file)), 0, 0.5),
			new ResultFigure.Layer(VolumeIO.read(data.testLabels().resolve(file)), 0, 0.5)));
		return figure;
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
