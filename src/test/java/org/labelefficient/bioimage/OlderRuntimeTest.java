package org.labelefficient.bioimage;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Volume;

/**
 * The packaged weights run in an older TensorFlow: TensorFlow 1.15 (the Java API and runtime that CSBDeep, StarDist
 * and DeepImageJ's TF1 engine ship), in a JVM of its own, reproduces the package's test output within the
 * specification's tolerance. Older than DeepImageJ's newest TensorFlow 2 engine (2.10), it bounds what consumers need.
 * Needs {@code org.tensorflow:libtensorflow:1.15.0} and {@code libtensorflow_jni:1.15.0} in the local Maven
 * repository (Maven Central; {@code mvn verify} fetches them before the long tests, among which this one runs); skipped
 * with a message when they are absent.
 */
public class OlderRuntimeTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	@Test
	public void tensorFlow115RunsTheWeightsAndReproducesTheTestOutput() throws Exception {
		Path repo = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
		Path api = repo.resolve("org/tensorflow/libtensorflow/1.15.0/libtensorflow-1.15.0.jar");
		Path jni = repo.resolve("org/tensorflow/libtensorflow_jni/1.15.0/libtensorflow_jni-1.15.0.jar");
		if (!Files.isRegularFile(api) || !Files.isRegularFile(jni)) System.err.println(
			"OlderRuntimeTest skipped: TensorFlow 1.15 jars not in " + repo);
		assumeTrue("TensorFlow 1.15 jars in the local Maven repository", Files.isRegularFile(api) && Files
			.isRegularFile(jni));
		Path pack = PackageImport.unzip(TinyModel.sharedPackage(), TMP.newFolder("p").toPath());
		Path weights = PackageImport.unzip(pack.resolve(PackageExport.WEIGHTS), TMP.newFolder("w").toPath());
		Npy.Array in = Npy.read(Files.readAllBytes(pack.resolve(PackageExport.TEST_INPUT)));
		Npy.Array expected = Npy.read(Files.readAllBytes(pack.resolve(PackageExport.TEST_OUTPUT)));
		int h = (int) in.shape()[1], w = (int) in.shape()[2];
		Path normalised = TMP.getRoot().toPath().resolve("in.npy"), out = TMP.getRoot().toPath().resolve("out.npy");
		Files.write(normalised, Npy.float32(in.shape(), Normalization.ZSCORE.apply(new Volume(in.data(), w, h, 1), "t")
			.data()));
		String classes = String.join(File.pathSeparator, List.of(Path.of("target/test-classes").toAbsolutePath()
			.toString(), Path.of("target/classes").toAbsolutePath().toString(), api.toString(), jni.toString()));
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
			classes, Tf1Runner.class.getName(), weights.toString(), normalised.toString(), out.toString())
			.redirectErrorStream(true).start();
		String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue("TensorFlow 1.15 finished", p.waitFor(300, TimeUnit.SECONDS));
		assertEquals(log, 0, p.exitValue());
		assertTrue(log, log.contains("TensorFlow 1.15.0"));
		Npy.Array got = Npy.read(Files.readAllBytes(out));
		assertArrayEquals(expected.shape(), got.shape());
		for (int i = 0; i < got.data().length; i++)
			assertTrue("element " + i, Math.abs(got.data()[i] - expected.data()[i]) <= 1e-3 + 1e-3 * Math.abs(
				expected.data()[i]));
	}

}
