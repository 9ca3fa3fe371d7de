package org.labelefficient.ij1;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoDataset;

/**
 * The example macros of {@code macros/} in a real ImageJ 1.54p under Xvfb, with the project jar (classes and
 * {@code plugins.config}) in its plugins folder: train from scribbles, predict a folder, evaluate; each run is bounded
 * by a timeout. Skips with a message where {@code xvfb-run} is missing (CI installs it).
 */
public class ImageJMacroSuiteTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static Path imagej;
	private static DemoDataset.Layout data;

	@BeforeClass
	public static void installPlugin() throws Exception {
		boolean xvfb = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d,
			"xvfb-run")));
		if (!xvfb) System.err.println("SKIPPED: xvfb-run not found; the ImageJ macro suite does not run");
		assumeTrue("xvfb-run not found", xvfb);
		imagej = tmp.newFolder("ImageJ").toPath();
		jar(Path.of("target", "classes"), Files.createDirectories(imagej.resolve("plugins")).resolve(
			"Label_Efficient_Segmentation.jar"));
		data = new DemoDataset(64, 2).write(tmp.getRoot().toPath().resolve("data"), 4, 1, 2);
	}

	private static void jar(Path classes, Path jar) throws IOException {
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(
			classes)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
	}

	/** Runs a macro of {@code macros/} with an argument in ImageJ under Xvfb; returns its output. */
	private static String macro(String name, String argument) throws Exception {
		List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", Path.of(System.getProperty("java.home"), "bin",
			"java").toString(), "-cp", System.getProperty("java.class.path"), "ij.ImageJ", "-ijpath", imagej.toString(),
			"-batch", Path.of("macros", name).toAbsolutePath().toString(), argument));
		Path log = Files.createTempFile(tmp.getRoot().toPath(), name, ".log");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError(name + " did not finish within 5 minutes:\n" + Files.readString(log));
		}
		return Files.readString(log);
	}

	@Test
	public void trainPredictAndEvaluateMacrosRunInImageJ() throws Exception {
		Path model = tmp.getRoot().toPath().resolve("model"), predictions = tmp.getRoot().toPath().resolve("pred");
		String train = macro("train_from_scribbles.ijm", data.dataset() + "," + model + ",100");
		assertFalse(train, train.contains("Error:"));
		assertTrue(train, train.contains("trained " + model));
		assertTrue(Files.isRegularFile(model.resolve("model.json")));
		String predict = macro("predict_folder.ijm", model + "," + data.testImages() + "," + predictions);
		assertFalse(predict, predict.contains("Error:"));
		assertTrue(Files.isRegularFile(predictions.resolve("test01.nii.gz")));
		Path csv = tmp.getRoot().toPath().resolve("metrics.csv");
		String evaluate = macro("evaluate.ijm", predictions + "," + data.testLabels() + "," + csv);
		assertFalse(evaluate, evaluate.contains("Error:"));
		List<String> lines = Files.readAllLines(csv);
		assertEquals("case,class,dice,jaccard,hd95,asd,assd", lines.get(0));
		double meanDice = lines.stream().filter(l -> l.startsWith("mean,")).mapToDouble(l -> Double.parseDouble(l
			.split(",")[2])).average().orElseThrow();
		assertTrue("mean Dice " + meanDice + " after 100 iterations (untrained: near 0)", meanDice > 0.3);
	}

	@Test
	public void anErrorStopsTheMacroWithOneLogLine() throws Exception {
		Path csv = tmp.getRoot().toPath().resolve("never.csv");
		String out = macro("evaluate.ijm", "/no/such/predictions,/no/such/labels," + csv);
		assertTrue(out, out.contains("Error: /no/such/predictions: not found"));
		assertFalse("the macro stopped before its last line: " + out, out.contains("metrics in"));
		assertFalse(Files.exists(csv));
	}
}
