package org.labelefficient.reliability;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.nn.SessionFactory;

/**
 * A training process killed with SIGKILL resumes from its latest checkpoint (weights, optimiser state, iteration,
 * random state) and ends with exactly the weights of an uninterrupted run with the same seed.
 */
public class KilledTrainingResumesExactlyTest {

	private static final int ITERATIONS = 200;
	private static final Pattern DONE = Pattern.compile("\"iterationsDone\"\\s*:\\s*(\\d+)");

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void sigkillThenResumeEqualsUninterruptedRun() throws Exception {
		Path root = tmp.getRoot().toPath();
		TrainingFixture f = new TrainingFixture(root);
		String threads = "-Dlabelefficient.threads=" + SessionFactory.threads();

		Path killed = root.resolve("killed");
		Process child = new ProcessBuilder(childCommand(threads, f.trainArgs(killed, ITERATIONS))).redirectErrorStream(
			true).redirectOutput(root.resolve("child.log").toFile()).start();
		int atKill = waitForCheckpoint(killed.resolve("checkpoint/state.json"), child);
		child.destroyForcibly(); // SIGKILL
		assertTrue(child.waitFor(30, TimeUnit.SECONDS));
		assertTrue("killed before the end: " + atKill, atKill < ITERATIONS);

		StringBuilder err = new StringBuilder();
		assertEquals(err.toString(), 0, TrainingFixture.run(f.trainArgs(killed, ITERATIONS, "resume=true"), err));
		Path straight = root.resolve("straight");
		assertEquals(err.toString(), 0, TrainingFixture.run(f.trainArgs(straight, ITERATIONS), err));

		assertEquals(ITERATIONS, ModelInfo.read(killed).iterationsDone);
		assertEquals(ModelInfo.read(straight).history.size(), ModelInfo.read(killed).history.size());
		assertArrayEquals(f.probabilities(straight, "latest"), f.probabilities(killed, "latest"), 0f);
		assertArrayEquals(f.probabilities(straight, "best"), f.probabilities(killed, "best"), 0f);
	}

	private static List<String> childCommand(String threads, List<String> args) {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			threads, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
			"org.labelefficient.cli.Main"));
		cmd.addAll(args);
		return cmd;
	}

	/** Waits until the child has written a checkpoint; returns its iteration count. */
	private static int waitForCheckpoint(Path state, Process child) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			if (Files.isRegularFile(state)) {
				try {
					Matcher m = DONE.matcher(Files.readString(state));
					if (m.find() && Integer.parseInt(m.group(1)) > 0) return Integer.parseInt(m.group(1));
				}
				catch (java.io.IOException e) {
					// replaced while reading: try again
				}
			}
			if (!child.isAlive()) throw new AssertionError("training process ended before it was killed");
			Thread.sleep(5);
		}
		throw new AssertionError("no checkpoint within 3 minutes");
	}
}
