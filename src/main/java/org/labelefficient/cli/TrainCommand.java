package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.labelefficient.request.Options;
import org.labelefficient.request.TrainingRequests;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingHooks;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/** {@code train}: trains a model on a dataset folder; progress lines with ETA; Ctrl-C stops and keeps the models. */
final class TrainCommand implements TrainingCliCommand {

	@Override
	public String name() {
		return "train";
	}

	@Override
	public String usage() {
		List<Setting<?>> settings = new ArrayList<>(RequestSettings.ALL);
		settings.addAll(LoopSettings.ALL);
		return Help.usage(name(), settings) + " [<method setting>=<value> ...]";
	}

	@Override
	public void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		TrainingRequest request = TrainingRequests.of(options);
		options.checkAllUsed();
		TrainingControl control = hooks.control();
		TrainingResult result;
		try (StopOnShutdown stop = new StopOnShutdown(control, out)) {
			result = TrainingRunner.run(request, new ConsoleProgress(out, request.settings().logInterval()).and(hooks
				.listener()), control);
		}
		out.printf("Trained %d iterations in %.0f s%s; model in %s%n", result.iterationsDone(), result.seconds(),
			Double.isNaN(result.bestDice()) ? "" : String.format(", best validation Dice %.4f at iteration %d", result
				.bestDice(), result.bestIteration()), result.model());
	}
}
