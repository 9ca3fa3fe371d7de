package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.labelefficient.train.TrainingControl;

/**
 * Ctrl-C or SIGTERM during a training run: a JVM shutdown hook that asks the run to stop and waits until the latest
 * model and the checkpoint are written. It serves one run and is removed when the run ends ({@link #close}), so a
 * long-lived JVM (ImageJ running one macro training after another) keeps no hooks of finished runs.
 */
final class StopOnShutdown implements AutoCloseable {

	private final CountDownLatch finished = new CountDownLatch(1);
	private final Thread hook;

	/** Registers the hook that stops {@code control}'s run; {@code out} gets one line when it does. */
	StopOnShutdown(TrainingControl control, PrintStream out) {
		hook = new Thread(() -> stopAndWait(control, out), "stop training on shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	/** The registered hook (for tests). */
	Thread hook() {
		return hook;
	}

	/** The run has ended: the hook is no longer needed and is removed. */
	@Override
	public void close() {
		finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException e) {
			// the JVM is shutting down: the hook runs and returns now that the run has ended
		}
	}

	private void stopAndWait(TrainingControl control, PrintStream out) {
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
