package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.demo.DemoRun;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.request.Options;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.train.TrainingControl;

/**
 * {@code demo}: trains from synthetic scribbles, predicts and evaluates, then prints the Dice table and where the
 * figures and the rest of the results are.
 */
final class DemoCommand implements CliCommand {

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String usage() {
		return Help.usage(name(), CommandSettings.DEMO);
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		SettingValues v = options.values(CommandSettings.DEMO);
		options.checkAllUsed();
		DemoRun demo = new DemoRun(v.get(CommandSettings.DEMO_OUTPUT), v.get(CommandSettings.DEMO_METHOD), v.get(
			CommandSettings.DEMO_ITERATIONS), v.get(CommandSettings.DEMO_SIZE), v.get(CommandSettings.DEMO_SEED));
		MetricsTable table = demo.run(new ConsoleProgress(out, 50), new TrainingControl(), out::println);
		out.print(table.toText());
		out.println("Results in " + demo.folder().toAbsolutePath() + " (metrics.csv, a PNG figure per test volume, "
			+ "predictions/, model/)");
	}
}
