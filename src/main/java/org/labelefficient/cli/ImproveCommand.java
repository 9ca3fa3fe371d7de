package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.train.ImproveRequest;
import org.labelefficient.train.TrainingHooks;

/**
 * {@code improve}: trains a new model from a trained one with a semi-supervised method and unlabelled images (the
 * dataset's own unlabelled cases and those of {@code unlabelled_images}); every other key as for {@code train}.
 */
final class ImproveCommand implements CliCommand {

	@Override
	public String name() {
		return "improve";
	}

	@Override
	public String usage() {
		return "improve model=<trained model folder> method=" + String.join("|", ImproveRequest.semiSupervised())
			+ " output=<new model folder> [unlabelled_images=<folder>] [iterations=N ... any train key]";
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		run(options, out, TrainingHooks.none());
	}

	@Override
	public void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		var model = options.path("model");
		Map<String, String> given = new LinkedHashMap<>(options.withPrefix(""));
		given.remove("model");
		new TrainCommand().run(Options.of("improve", ImproveRequest.options(model, given)), out, hooks);
	}
}
