package org.labelefficient.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionInputs;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.FileNames;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.setting.SettingValues;

/**
 * {@code predict} on Spark: the driver checks the model and lists the input files and their outputs as the
 * single-machine {@code predict} does, leaves out the files whose outputs are all complete (a rerun resumes), splits
 * the others by size into tasks, and prints progress while the executors predict; each executor loads the model once.
 * Failed files are listed in the {@link FailureReport}.
 */
final class PredictJob {

	private PredictJob() {}

	/** Runs the job; returns the number of files that failed. */
	static int run(SettingValues v, PrintStream out, PrintStream err) throws Exception {
		Path model = v.get(CommandSettings.MODEL).toAbsolutePath();
		Path input = v.get(CommandSettings.PREDICT_INPUT);
		Path output = v.get(CommandSettings.PREDICT_OUTPUT).toAbsolutePath();
		PredictionOptions options = PredictionOptions.of(v);
		ModelInfo info = ModelPredictor.check(model, options);
		boolean single = PredictionInputs.isSingleFile(input);
		if (single && !FileNames.WRITABLE_EXTENSIONS.contains(FileNames.extension(output)))
			throw new BadInputException(output, "cannot be written: use .nii.gz, .nii, .tif or .png");
		Map<Path, Path> outputs = single ? Map.of(input, output) : PredictionInputs.outputs(PredictionInputs.resolve(
			input), output);
		List<FileTask> pending = new ArrayList<>();
		Map<FileTask, List<Path>> expected = new LinkedHashMap<>();
		for (Map.Entry<Path, Path> e : outputs.entrySet()) {
			List<Path> files = ModelPredictor.outputFiles(e.getValue(), options, info.numClasses);
			if (files.stream().allMatch(Files::isRegularFile)) continue;
			FileTask t = new FileTask(e.getKey().getFileName().toString(), e.getKey().toAbsolutePath().toString(), e
				.getValue().toString());
			pending.add(t);
			expected.put(t, files);
		}
		out.println(outputs.size() + " input files; " + (outputs.size() - pending.size())
			+ " already predicted (skipped); " + pending.size() + " to predict into " + output);
		List<FileResult> results = new ArrayList<>();
		if (!pending.isEmpty()) {
			long start = System.nanoTime();
			try (JavaSparkContext sc = SparkJobs.context("label-efficient predict", v.get(SparkSettings.MASTER))) {
				List<List<FileTask>> parts = SparkJobs.split(pending, v.get(SparkSettings.PARTITIONS), sc);
				out.println(SparkJobs.started(sc, start, parts.size()));
				PredictSpec spec = PredictSpec.of(model.toString(), options);
				try (Progress p = new Progress(out, pending.size(), () -> complete(expected, pending.size()), 2000)) {
					results.addAll(sc.parallelize(parts, parts.size()).flatMap(part -> ExecutorTasks.predict(spec,
						part)).collect());
				}
			}
		}
		int failed = FailureReport.write(output, results, err);
		out.println("Predicted " + (pending.size() - failed) + " of " + pending.size() + " files into " + output
			+ (failed > 0 ? "; " + failed + " failed" : ""));
		return failed;
	}

	/** Files done: those whose outputs are all there; each poll checks only the files not yet seen complete. */
	private static int complete(Map<FileTask, List<Path>> remaining, int total) {
		remaining.values().removeIf(files -> files.stream().allMatch(Files::isRegularFile));
		return total - remaining.size();
	}
}
