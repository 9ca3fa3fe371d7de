package org.labelefficient.spark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
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
import org.labelefficient.demo.DemoDataset;

/**
 * A Spark job killed halfway (its JVM, driver and local executor, killed with SIGKILL) and run again ends with every
 * output complete and byte-identical to an uninterrupted run: outputs appear whole under their names or not at all,
 * and the rerun predicts only the files that were missing.
 */
public class KilledJobResumesTest {

	private static final int FILES = 30;

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void aKilledJobRerunEndsCompleteAndIdenticalToAnUninterruptedOne() throws Exception {
		SparkFixture f = SparkFixture.get();
		Path in = new DemoDataset(128, 8).write(tmp.getRoot().toPath().resolve("data"), 0, 1, FILES).testImages();
		Path killed = tmp.getRoot().toPath().resolve("killed"), whole = tmp.getRoot().toPath().resolve("whole");
		List<String> args = List.of("predict", "model=" + f.model, "input=" + in, "master=local[2]");

		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString()));
		command.addAll(List.of(System.getProperty("spark.java17.flags").trim().split("\\s+")));
		command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty(
			"java.class.path")).replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
			SparkMain.class.getName()));
		command.addAll(args);
		command.add("output=" + killed);
		Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.getRoot().toPath()
			.resolve("child.log").toFile()).start();
		int seen = 0;
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (child.isAlive() && System.nanoTime() < deadline) {
			seen = Files.isDirectory(killed) ? SparkFixture.names(killed).size() : 0;
			if (seen >= 3) break;
			Thread.sleep(5);
		}
		child.destroyForcibly().waitFor();
		String log = Files.readString(tmp.getRoot().toPath().resolve("child.log"));
		int left = SparkFixture.names(killed).size();
		assertTrue("killed with " + left + " of " + FILES + " outputs:\n" + log, left >= 3 && left < FILES);

		SparkFixture.Result rerun = SparkFixture.spark(withOutput(args, killed));
		assertEquals(rerun.err(), 0, rerun.status());
		Matcher m = Pattern.compile(FILES + " input files; (\\d+) already predicted \\(skipped\\); (\\d+) to predict")
			.matcher(rerun.out());
		assertTrue(rerun.out(), m.find());
		assertEquals(left, Integer.parseInt(m.group(1)));
		assertEquals(FILES - left, Integer.parseInt(m.group(2)));

		SparkFixture.Result uninterrupted = SparkFixture.spark(withOutput(args, whole));
		assertEquals(uninterrupted.err(), 0, uninterrupted.status());
		assertEquals(FILES, SparkFixture.names(whole).size());
		SparkFixture.assertSameFiles(whole, killed);
	}

	private static List<String> withOutput(List<String> args, Path output) {
		List<String> all = new ArrayList<>(args);
		all.add("output=" + output);
		return all;
	}
}
