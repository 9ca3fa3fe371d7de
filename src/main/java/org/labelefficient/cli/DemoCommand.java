package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.request.Options;
import org.labelefficient.demo.DemoRun;
import org.labelefficient.io.BadInputException;
import org.labelefficient.method.Methods;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.train.TrainingControl;

/** {@code demo}: trains from synthetic scribbles, predicts and evaluates, then prints the Dice table. */
final class DemoCommand implements CliCommand {

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String usage() {
		return "demo [output=demo-out] [method=pce] [iterations=300] [size=96] [seed=1]";
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		DemoRun demo = new DemoRun(options.path("output", "demo-out"), options.string("method", "pce"), options
			.integer("iterations", 300), options.integer("size", 96), options.integer("seed", 1));
		Methods.get(demo.method());
		options.checkAllUsed();
		if (demo.size() < 64) throw new BadInputException("size must be at least 64, got "
			+ demo.size());
		MetricsTable table = demo.run(new ConsoleProgress(out, 50), new TrainingControl(), out::println);
		out.print(table.toText());
		out.println("Results in " + demo.folder().toAbsolutePath() + " (metrics.csv, predictions/, model/)");
	}
}
