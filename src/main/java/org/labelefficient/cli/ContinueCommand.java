package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.List;

import org.labelefficient.request.Options;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.request.ContinueRequest;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.TrainingHooks;

/** {@code continue}: trains a model further from its checkpoint, with the settings recorded in the model. */
final class ContinueCommand implements TrainingCliCommand {

	@Override
	public String name() {
		return "continue";
	}

	@Override
	public String usage() {
		return name() + " " + CommandSettings.MODEL.key() + "=<model folder> " + LoopSettings.ITERATIONS.key()
			+ "=<new total>";
	}

	@Override
	public void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		var model = options.values(List.of(CommandSettings.MODEL)).get(CommandSettings.MODEL);
		int iterations = LoopSettings.ITERATIONS.parse(options.string(LoopSettings.ITERATIONS.key()));
		options.checkAllUsed();
		new TrainCommand().run(Options.of(name(), ContinueRequest.options(model, iterations)), out, hooks);
	}
}
