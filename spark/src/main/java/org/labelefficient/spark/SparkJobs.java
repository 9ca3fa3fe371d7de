package org.labelefficient.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.labelefficient.infer.FileBalance;

/** The Spark context of a command, and the split of its files into size-balanced tasks. */
final class SparkJobs {

	private SparkJobs() {}

	/**
	 * A context for {@code master}, or spark-submit's master, or {@code local[*]}; local runs skip the web UI (it
	 * costs start-up time and a port) and keep Spark's console progress bar off (the driver prints its own).
	 */
	static JavaSparkContext context(String appName, String master) {
		SparkConf conf = new SparkConf().setAppName(appName);
		if (master != null) conf.setMaster(master);
		else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
		if (conf.get("spark.master").startsWith("local")) conf.setIfMissing("spark.ui.enabled", "false");
		conf.setIfMissing("spark.ui.showConsoleProgress", "false");
		return new JavaSparkContext(conf);
	}

	/** The line that says which Spark runs, how long its start took and into how many tasks the files went. */
	static String started(JavaSparkContext sc, long startNanos, int tasks) {
		return String.format(Locale.ROOT, "Spark %s on %s started in %.1f s; %d tasks", sc.version(), sc.master(),
			(System.nanoTime() - startNanos) / 1e9, tasks);
	}

	/**
	 * The tasks in {@code partitions} parts balanced by the size of their input files ({@link FileBalance}); 0 takes
	 * the context's default parallelism; never more parts than tasks.
	 */
	static List<List<FileTask>> split(List<FileTask> tasks, int partitions, JavaSparkContext sc) {
		int n = Math.max(1, Math.min(tasks.size(), partitions > 0 ? partitions : sc.defaultParallelism()));
		Map<Path, FileTask> byInput = new LinkedHashMap<>();
		for (FileTask t : tasks)
			byInput.put(Path.of(t.input()), t);
		List<List<FileTask>> parts = new ArrayList<>();
		for (List<Path> part : FileBalance.split(new ArrayList<>(byInput.keySet()), n))
			parts.add(new ArrayList<>(part.stream().map(byInput::get).toList()));
		return parts;
	}
}
