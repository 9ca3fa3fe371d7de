package org.labelefficient.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.labelefficient.metrics.CaseMetrics;
import org.labelefficient.metrics.ClassMetrics;
import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.setting.SettingValues;

/**
 * {@code evaluate} on Spark: the driver matches predictions and references as the single-machine {@code evaluate}
 * does; the executors read and measure the cases (first counting the classes when {@code num_classes=0}) while the
 * driver prints progress; the driver writes the same table and CSV, rows by case name. Cases that fail are left out and listed in the
 * {@link FailureReport}.
 */
final class EvaluateJob {

	private EvaluateJob() {}

	/** Runs the job; returns the number of cases that failed. */
	static int run(SettingValues v, PrintStream out, PrintStream err) throws Exception {
		double[] spacing = CommandSettings.spacing(v.get(CommandSettings.SPACING));
		int classes = v.get(CommandSettings.EVALUATE_CLASSES);
		Path csv = v.get(CommandSettings.CSV);
		Map<String, Path[]> pairs = FolderEvaluation.pairs(v.get(CommandSettings.PREDICTION), v.get(
			CommandSettings.REFERENCE));
		List<FileTask> tasks = new ArrayList<>();
		pairs.forEach((name, p) -> tasks.add(new FileTask(name, p[0].toAbsolutePath().toString(), p[1]
			.toAbsolutePath().toString())));
		List<FileResult> failures = new ArrayList<>();
		MetricsTable table = new MetricsTable();
		long start = System.nanoTime();
		try (JavaSparkContext sc = SparkJobs.context("label-efficient evaluate", v.get(SparkSettings.MASTER))) {
			List<List<FileTask>> parts = SparkJobs.split(tasks, v.get(SparkSettings.PARTITIONS), sc);
			JavaRDD<List<FileTask>> rdd = sc.parallelize(parts, parts.size());
			out.println(tasks.size() + " cases; " + SparkJobs.started(sc, start, parts.size()));
			if (classes <= 0) {
				classes = 0;
				for (FileResult r : rdd.flatMap(ExecutorTasks::countClasses).collect()) {
					if (r.failed()) failures.add(r);
					else classes = Math.max(classes, r.value());
				}
			}
			int n = classes;
			Map<String, FileResult> measured = new TreeMap<>();
			LongAccumulator done = sc.sc().longAccumulator("cases measured");
			List<FileResult> results;
			// Spark merges accumulators when a task ends: the lines advance task by task
			try (Progress p = new Progress(out, tasks.size(), () -> (int) done.sum(), 2000)) {
				results = rdd.flatMap(part -> ExecutorTasks.measure(spacing, n, part, done)).collect();
			}
			for (FileResult r : results)
				if (r.failed()) {
					if (failures.stream().noneMatch(f -> f.name().equals(r.name()))) failures.add(r);
				}
				else measured.put(r.name(), r);
			for (FileResult r : measured.values())
				table.add(caseMetrics(r));
		}
		out.print(table.toText());
		if (csv != null) {
			table.writeCsv(csv);
			out.println("Wrote " + csv);
		}
		return FailureReport.write(csv != null ? csv : Path.of("evaluation"), failures, err);
	}

	private static CaseMetrics caseMetrics(FileResult r) {
		List<ClassMetrics> classes = new ArrayList<>();
		for (double[] row : r.rows())
			classes.add(new ClassMetrics((int) row[0], row[1], row[2], row[3], row[4], row[5]));
		return new CaseMetrics(r.name(), classes);
	}
}
