package org.labelefficient.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.util.LongAccumulator;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.io.Volume;
import org.labelefficient.metrics.CaseMetrics;
import org.labelefficient.metrics.ClassMetrics;
import org.labelefficient.metrics.FolderEvaluation;

/**
 * The work of one Spark task, run on an executor: the files of one balanced part, one after the other. A file that
 * fails gives a failed {@link FileResult} naming it and the task goes on with the next; outputs are written whole
 * under their names by the main project's writers (temporary file, then rename).
 */
final class ExecutorTasks {

	private ExecutorTasks() {}

	/** Predicts each file with the model of this JVM's {@link ModelCache}. */
	static Iterator<FileResult> predict(PredictSpec spec, List<FileTask> part) {
		List<FileResult> results = new ArrayList<>();
		ModelPredictor predictor;
		try {
			predictor = ModelCache.get(spec);
		}
		catch (RuntimeException e) {
			for (FileTask t : part)
				results.add(FileResult.failed(t.name(), t.input(), new IllegalStateException("model " + spec.model()
					+ " cannot be loaded: " + e.getMessage(), e)));
			return results.iterator();
		}
		for (FileTask t : part) {
			try {
				predictor.predictFile(Path.of(t.input()), Path.of(t.output()));
				results.add(FileResult.ok(t.name(), 0, null));
			}
			catch (Exception e) {
				results.add(FileResult.failed(t.name(), t.input(), e));
			}
		}
		return results.iterator();
	}

	/** The largest label plus one of each case (prediction and reference), when the classes come from the files. */
	static Iterator<FileResult> countClasses(List<FileTask> part) {
		List<FileResult> results = new ArrayList<>();
		for (FileTask t : part) {
			try {
				Path[] pair = pair(t);
				results.add(FileResult.ok(t.name(), FolderEvaluation.maxLabel(FolderEvaluation.read(pair), pair), null));
			}
			catch (Exception e) {
				results.add(FileResult.failed(t.name(), t.input(), e));
			}
		}
		return results.iterator();
	}

	/**
	 * The metrics of each case for {@code classes} classes, as the single-machine evaluation measures them; counts
	 * each case in {@code done}.
	 */
	static Iterator<FileResult> measure(double[] spacing, int classes, List<FileTask> part, LongAccumulator done) {
		FolderEvaluation evaluation = new FolderEvaluation(spacing, classes);
		List<FileResult> results = new ArrayList<>();
		for (FileTask t : part) {
			try {
				Volume[] v = FolderEvaluation.read(pair(t));
				CaseMetrics m = evaluation.measure(t.name(), v, classes);
				double[][] rows = new double[m.classes().size()][];
				for (int i = 0; i < rows.length; i++) {
					ClassMetrics c = m.classes().get(i);
					rows[i] = new double[] { c.label(), c.dice(), c.jaccard(), c.hd95(), c.asd(), c.assd() };
				}
				results.add(FileResult.ok(t.name(), 0, rows));
			}
			catch (Exception e) {
				results.add(FileResult.failed(t.name(), t.input(), e));
			}
			done.add(1);
		}
		return results.iterator();
	}

	private static Path[] pair(FileTask t) {
		return new Path[] { Path.of(t.input()), Path.of(t.output()) };
	}
}
