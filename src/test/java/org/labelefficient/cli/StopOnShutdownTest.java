package org.labelefficient.cli;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.Test;
import org.labelefficient.train.TrainingControl;

/**
 * The shutdown hook of a training run serves that run only (issue 17: every macro training added a hook that was
 * never removed, so ImageJ collected one per run).
 */
public class StopOnShutdownTest {

	@Test
	public void theHookIsRegisteredDuringTheRunAndRemovedAfterIt() {
		StopOnShutdown stop;
		try (StopOnShutdown s = new StopOnShutdown(new TrainingControl(), new PrintStream(new ByteArrayOutputStream()))) {
			stop = s;
			// registered: the runtime refuses it a second time
			assertThrows(IllegalArgumentException.class, () -> Runtime.getRuntime().addShutdownHook(s.hook()));
		}
		assertFalse("removed when the run ended", Runtime.getRuntime().removeShutdownHook(stop.hook()));
	}

	@Test
	public void onShutdownDuringTheRunItCancelsTheRun() throws Exception {
		TrainingControl control = new TrainingControl();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Thread hook;
		try (StopOnShutdown s = new StopOnShutdown(control, new PrintStream(out, true))) {
			hook = s.hook();
			Runtime.getRuntime().removeShutdownHook(hook); // run it here rather than at JVM exit
			Thread closer = new Thread(s::close);
			hook.start();
			while (!control.isCancelled())
				Thread.sleep(1);
			closer.start();
			hook.join(10_000);
			closer.join();
		}
		assertTrue(out.toString().contains("Stopping: saving the latest model and checkpoint"));
		assertFalse(hook.isAlive());
	}
}
