package org.labelefficient.spark;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.infer.Shard;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.setting.Setting;

/**
 * The options of {@code label-efficient-spark}: the single-machine {@code predict} and {@code evaluate} settings
 * (the same declarations, so the same keys and defaults; Spark splits the files itself, so {@code shard} is left
 * out), plus where Spark runs and in how many parts.
 */
public final class SparkSettings {

	public static final Setting<String> MASTER = Setting.text("master", null,
		"Spark master URL, e.g. local[2] or spark://host:7077; default: spark-submit's, else local[*]").optional();
	public static final Setting<Integer> PARTITIONS = Setting.integer("partitions", 0,
		"number of Spark tasks the files are split into (balanced by size); 0: Spark's default parallelism")
		.atLeast(0);

	/** {@code predict}'s settings. */
	public static final List<Setting<?>> PREDICT = with(CommandSettings.PREDICT.stream().filter(s -> s
		!= Shard.SETTING).toList());
	/** {@code evaluate}'s settings. */
	public static final List<Setting<?>> EVALUATE = with(CommandSettings.EVALUATE);

	private SparkSettings() {}

	private static List<Setting<?>> with(List<Setting<?>> settings) {
		List<Setting<?>> all = new ArrayList<>(settings);
		all.add(MASTER);
		all.add(PARTITIONS);
		return List.copyOf(all);
	}
}
