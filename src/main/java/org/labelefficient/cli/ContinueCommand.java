package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.train.ContinueRequest;
import org.labelefficient.train.TrainingHooks;

/** {@code continue}: trains a model further from its checkpoint, with the settings recorded in the model. */
final class ContinueCommand implements CliCommand {

	@Override
	public String name() {
		return "continue";
	}

	@Override
	public String usage() {
		return "continue model=<model folder> iterations=<new total>";
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		run(options, out, TrainingHooks.none());
	}

	@Override
	public void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		var model = options.path("model");
		int iterations = options.integer("iterations", 0);
		options.checkAllUsed();
		new TrainCommand().run(Options.of("continue", ContinueRequest.options(model, iterations)), out,
			hooks);
	}
}
