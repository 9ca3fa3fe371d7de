package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingHooks;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/** {@code train}: trains a model on a dataset folder; progress lines with ETA; Ctrl-C stops and keeps the models. */
final class TrainCommand implements CliCommand {

	@Override
	public String name() {
		return "train";
	}

	@Override
	public String usage() {
		return "train dataset=<folder> method=<id> output=<model folder> [iterations=N batch_size=N patch_size=N "
			+ "seed=N unlabelled_value=V labelled_patients=N learning_rate=X optimizer=adam|sgd lr_schedule=poly|step|"
			+ "constant validation_interval=N base_channels=N resume=true allow_padding=true ...]";
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		run(options, out, TrainingHooks.none());
	}

	@Override
	public void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		TrainingRequest request = TrainingOptions.request(options);
		options.checkAllUsed();
		TrainingControl control = hooks.control();
		CountDownLatch finished = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndWait(control, finished, out)));
		TrainingResult result;
		try {
			result = TrainingRunner.run(request, new ConsoleProgress(out, request.settings().logInterval()).and(hooks
				.listener()), control);
		}
		finally {
			finished.countDown();
		}
		out.printf("Trained %d iterations in %.0f s%s; model in %s%n", result.iterationsDone(), result.seconds(),
			Double.isNaN(result.bestDice()) ? "" : String.format(", best validation Dice %.4f at iteration %d", result
				.bestDice(), result.bestIteration()), result.model());
	}

	/** On Ctrl-C or SIGTERM: asks the run to stop and waits until the models and checkpoint are written. */
	private static void stopAndWait(TrainingControl control, CountDownLatch finished, PrintStream out) {
		if (finished.getCount() == 0) return;
		out.println("Stopping: saving the latest model and checkpoint...");
		control.cancel();
		try {
			finished.await(5, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
