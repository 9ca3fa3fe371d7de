package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.Map;

import org.labelefficient.train.ContinueRequest;

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
		var model = options.path("model");
		int iterations = options.integer("iterations", 0);
		options.checkAllUsed();
		Map<String, String> train = ContinueRequest.options(model, iterations);
		new TrainCommand().run(new Options("continue", train.entrySet().stream().map(e -> e.getKey() + "=" + e
			.getValue()).toList()), out);
	}
}
