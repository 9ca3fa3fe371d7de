package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.List;

import org.labelefficient.request.CommandSettings;
import org.labelefficient.method.Methods;
import org.labelefficient.request.ImproveRequest;
import org.labelefficient.request.Options;
import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingHooks;

/**
 * {@code improve}: trains a new model from a trained one with a semi-supervised method and unlabelled images (the
 * dataset's own unlabelled cases and those of {@code unlabelled_images}); every other key as for {@code train}.
 */
final class ImproveCommand implements TrainingCliCommand {

	@Override
	public String name() {
		return "improve";
	}

	@Override
	public String usage() {
		return name() + " " + CommandSettings.MODEL.key() + "=<trained model folder> " + RequestSettings.METHOD.key()
			+ "=" + String.join("|", Methods.semiSupervisedIds()) + " " + RequestSettings.OUTPUT.key()
			+ "=<new model folder> [any train key]";
	}

	@Override
	public void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		var model = options.values(List.of(CommandSettings.MODEL)).get(CommandSettings.MODEL);
		new TrainCommand().run(Options.of(name(), ImproveRequest.options(model, options.remaining())), out, hooks);
	}
}
