package org.labelefficient.spark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Prediction with executors in JVMs of their own ({@code local-cluster[2,1,1024]}: two workers of one core, each
 * starting an executor process, as on a standalone cluster): only the model folder's path travels, each executor
 * opens the model itself, and the labels are those of the single-machine {@code predict}. Spark's workers launch
 * executors from a Spark home; the test makes an empty one and gives the executors this test's class path.
 */
public class ExecutorJvmsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void executorsInTheirOwnJvmsGiveTheSingleMachineLabels() throws Exception {
		SparkFixture f = SparkFixture.get();
		Path single = tmp.getRoot().toPath().resolve("single"), spark = tmp.getRoot().toPath().resolve("spark");
		SparkFixture.Result s = SparkFixture.main(List.of("predict", "model=" + f.model, "input=" + f.data
			.testImages(), "output=" + single));
		assertEquals(s.err(), 0, s.status());

		Path home = tmp.newFolder("spark-home").toPath();
		Files.createDirectories(home.resolve("jars"));
		Files.createFile(home.resolve("RELEASE"));
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString()));
		command.addAll(List.of(System.getProperty("spark.java17.flags").trim().split("\\s+")));
		command.addAll(List.of("-Dspark.executor.extraClassPath=" + classPath, "-cp", classPath, SparkMain.class
			.getName(), "predict", "model=" + f.model, "input=" + f.data.testImages(), "output=" + spark,
			"master=local-cluster[2,1,1024]", "partitions=4"));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.getRoot().toPath()
			.resolve("child.log").toFile());
		pb.environment().put("SPARK_HOME", home.toString());
		pb.environment().put("SPARK_SCALA_VERSION", "2.13");
		Process child = pb.start();
		boolean ended = child.waitFor(5, TimeUnit.MINUTES);
		if (!ended) child.destroyForcibly().waitFor();
		String log = Files.readString(tmp.getRoot().toPath().resolve("child.log"));
		assertTrue("still running after 5 minutes:\n" + log, ended);
		assertEquals(log, 0, child.exitValue());
		assertTrue(log, log.contains("on local-cluster[2,1,1024]") && log.contains("8/8 files done"));
		SparkFixture.assertSameFiles(single, spark);
	}
}
