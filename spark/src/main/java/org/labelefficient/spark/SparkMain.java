package org.labelefficient.spark;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.labelefficient.io.BadInputException;
import org.labelefficient.request.Failure;
import org.labelefficient.request.Options;
import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;

/**
 * {@code label-efficient-spark predict|evaluate key=value ...}: the single-machine commands' prediction and evaluation
 * spread over a Spark cluster (or {@code local[N]}), with the same keys, files and CSV. Exit status 0 when every file
 * is done, 1 when some failed (listed in the failure report) or on other errors, 2 for bad input (one line naming
 * the file or option and the problem). Works as spark-submit's main class and as a plain {@code java} main.
 */
public final class SparkMain {

	private SparkMain() {}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one command and returns its exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		String usage = "Usage: label-efficient-spark <command> key=value ...\n" + usage("predict", SparkSettings.PREDICT)
			+ usage("evaluate", SparkSettings.EVALUATE);
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
			(args.length == 0 ? err : out).print(usage);
			return args.length == 0 ? 2 : 0;
		}
		if (!List.of("predict", "evaluate").contains(args[0])) {
			err.println("Error: unknown command '" + args[0] + "'; commands: predict, evaluate");
			return 2;
		}
		try {
			boolean predict = args[0].equals("predict");
			Options options = new Options(args[0], Arrays.asList(args).subList(1, args.length));
			SettingValues v = options.values(predict ? SparkSettings.PREDICT : SparkSettings.EVALUATE);
			options.checkAllUsed();
			int failed = predict ? PredictJob.run(v, out, err) : EvaluateJob.run(v, out, err);
			return failed == 0 ? 0 : 1;
		}
		catch (BadInputException e) {
			err.println("Error: " + e.getMessage());
			return 2;
		}
		catch (Exception e) {
			err.println(Failure.of(e).line());
			return 1;
		}
		catch (IllegalAccessError e) {
			err.println("Error: Spark needs the --add-opens flags on Java 17 and later (bin/label-efficient-spark and "
				+ "spark-submit add them; see docs/spark.md): " + e.getMessage());
			return 1;
		}
	}

	private static String usage(String command, List<Setting<?>> settings) {
		StringBuilder sb = new StringBuilder("  ").append(command).append('\n');
		for (Setting<?> s : settings)
			sb.append("    ").append(s.helpLine()).append('\n');
		return sb.toString();
	}
}
