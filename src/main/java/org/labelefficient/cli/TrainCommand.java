package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.labelefficient.request.Options;
import org.labelefficient.request.TrainingRequests;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;
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
		return "train " + Help.keys(RequestSettings.ALL) + " [" + Help.keys(LoopSettings.ALL) + " <method settings>]";
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		run(options, out, TrainingHooks.none());
	}

	@Override
	public void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		TrainingRequest request = TrainingRequests.of(options);
		options.checkAllUsed();
		TrainingControl control = hooks.control();
		CountDownLatch finished = new CountDownLatch(1);
		Thread stop = new Thread(() -> stopAndWait(control, finished, out));
		Runtime.getRuntime().addShutdownHook(stop);
		TrainingResult result;
		try {
			result = TrainingRunner.run(request, new ConsoleProgress(out, request.settings().logInterval()).and(hooks
				.listener()), control);
		}
		finally {
			finished.countDown();
			removeHook(stop);
		}
		out.printf("Trained %d iterations in %.0f s%s; model in %s%n", result.iterationsDone(), result.seconds(),
			Double.isNaN(result.bestDice()) ? "" : String.format(", best validation Dice %.4f at iteration %d", result
				.bestDice(), result.bestIteration()), result.model());
	}

	/** The hook only serves this run: in a long-lived JVM (ImageJ running macros) it must not outlive it. */
	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException e) {
			// the JVM is shutting down: the hook is running and waits for this run, which has just finished
		}
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
