package org.labelefficient.ij1;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;

/**
 * Our plugin beside a TensorFlow 1.x plugin in one real ImageJ 1.54p under Xvfb, as in a Fiji with CSBDeep, StarDist
 * or N2V: TensorFlow 1.15's jars ({@code org.tensorflow:libtensorflow} and {@code libtensorflow_jni}, fetched by
 * {@code mvn verify} into {@code target/tensorflow-1}) in its {@code jars} folder and on its class path, as Fiji's
 * launcher puts them, our plugin installed by {@code bin/install-fiji}, and a TF1 plugin of the test's own that
 * builds and runs a graph; it runs before and after our training and our prediction, and every one of them succeeds,
 * with the jars in either order. A control shows the clash this avoids: with our engine on the same flat class path,
 * our command fails while the TF1 plugin works. Skips with a message without {@code xvfb-run} or the TF1 jars.
 */
public class CoexistenceTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static final String TF1_LINE = "TF1 graph: 3*4+0.5 = 12.5 with TensorFlow 1.15.0";
	private static Path app, ij, plugin;
	private static List<Path> tf1;
	private static DemoDataset.Layout data;

	@BeforeClass
	public static void installIntoAnImageJWithTensorFlow1() throws Exception {
		boolean xvfb = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d,
			"xvfb-run")));
		if (!xvfb) System.err.println("SKIPPED: xvfb-run not found; CoexistenceTest does not run");
		assumeTrue("xvfb-run not found", xvfb);
		Path tf1Folder = Path.of("target", "tensorflow-1");
		boolean fetched = Files.isRegularFile(tf1Folder.resolve("libtensorflow-1.15.0.jar")) && Files.isRegularFile(
			tf1Folder.resolve("libtensorflow_jni-1.15.0.jar"));
		if (!fetched) System.err.println("SKIPPED: " + tf1Folder + " lacks the TensorFlow 1.15 jars; `mvn verify` "
			+ "fetches them (pre-integration-test) before CoexistenceTest runs");
		assumeTrue("TensorFlow 1.15 jars not fetched", fetched);
		app = tmp.newFolder("Fiji.app").toPath();
		Files.createDirectories(app.resolve("plugins"));
		Path jars = Files.createDirectories(app.resolve("jars"));
		tf1 = new ArrayList<>();
		for (String name : List.of("libtensorflow-1.15.0.jar", "libtensorflow_jni-1.15.0.jar"))
			tf1.add(Files.copy(tf1Folder.resolve(name), jars.resolve(name)));
		ij = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).filter(p -> p
			.getFileName().toString().matches("ij-[0-9.]+[a-z]?\\.jar")).findFirst().orElseThrow();
		String install = run(List.of("bash", "bin/install-fiji", app.toString()), 10);
		assertTrue(install, install.contains("Installed Label-Efficient Segmentation"));
		try (Stream<Path> s = Files.list(app.resolve("plugins"))) {
			plugin = s.filter(p -> p.getFileName().toString().startsWith("Label_Efficient_Segmentation")).findFirst()
				.orElseThrow();
		}
		compileTf1Plugin();
		data = new DemoDataset(64, 2).write(tmp.getRoot().toPath().resolve("data"), 4, 1, 2);
		Path open = tmp.newFolder("open").toPath();
		ImageJFormats.writeTiff(VolumeIO.read(data.testImages().resolve("test00.nii.gz")), open.resolve("image.tif"),
			VoxelType.FLOAT32);
		ImageJFormats.writeTiff(VolumeIO.read(data.testScribbles().resolve("test00.nii.gz")), open.resolve(
			"image-scribbles.tif"), VoxelType.UINT8);
		ImageJFormats.writeTiff(VolumeIO.read(data.testLabels().resolve("test00.nii.gz")), open.resolve(
			"image-labels.tif"), VoxelType.UINT8);
	}

	/** The test's TF1 plugin, compiled against TensorFlow 1.15 into ImageJ's plugins folder. */
	private static void compileTf1Plugin() throws Exception {
		Path source = tmp.newFolder("tf1-source").toPath().resolve("TF1_Graph.java");
		try (var in = CoexistenceTest.class.getResourceAsStream("/coexistence/TF1_Graph.java")) {
			Files.copy(in, source);
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		int status = javac.run(null, null, null, "-cp", tf1.get(0) + File.pathSeparator + ij, "-d", app.resolve(
			"plugins").toString(), source.toString());
		assertEquals("javac of TF1_Graph.java", 0, status);
		assertTrue(Files.isRegularFile(app.resolve("plugins/TF1_Graph.class")));
	}

	/** Runs {@code cmd}, waits at most {@code minutes}; returns its output. */
	private static String run(List<String> cmd, int minutes) throws Exception {
		Path log = Files.createTempFile(tmp.getRoot().toPath(), "run", ".log");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError(cmd + " did not finish within " + minutes + " minutes:\n" + Files.readString(log));
		}
		return Files.readString(log);
	}

	/** The coexistence macro in ImageJ with {@code classPath} (ImageJ first, as the launcher does); its output. */
	private static String imagej(List<Path> classPath, String name, String... jvmOptions) throws Exception {
		List<String> cp = new ArrayList<>(List.of(ij.toString()));
		for (Path p : classPath)
			cp.add(p.toString());
		Path macro = tmp.getRoot().toPath().resolve("coexistence.ijm");
		if (!Files.exists(macro)) try (var in = CoexistenceTest.class.getResourceAsStream("/coexistence/coexistence.ijm")) {
			Files.copy(in, macro);
		}
		Path root = tmp.getRoot().toPath();
		List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", Path.of(System.getProperty("java.home"), "bin",
			"java").toString()));
		cmd.addAll(List.of(jvmOptions));
		cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), "ij.ImageJ", "-ijpath", app.toString(), "-batch",
			macro.toString(), String.join(",", data.dataset().toString(), root.resolve("model-" + name).toString(), data
				.testImages().toString(), root.resolve("pred-" + name).toString(), root.resolve("open/image.tif").toString(),
				root.resolve("open/image-scribbles.tif").toString(), root.resolve("model-image-" + name).toString(), root
					.resolve("open/image-labels.tif").toString())));
		long start = System.nanoTime();
		String out = run(cmd, 8);
		System.err.printf("CoexistenceTest %s: ImageJ ran the macro in %.1f s%n", name, (System.nanoTime() - start)
			/ 1e9);
		return out;
	}

	private static int count(String text, String line) {
		Matcher m = Pattern.compile(Pattern.quote(line)).matcher(text);
		int n = 0;
		while (m.find())
			n++;
		return n;
	}

	private static void assertAllSucceeded(String name, String out) {
		assertFalse(out, out.contains("Error") || out.contains("Exception"));
		assertEquals("the TF1 plugin before training, between, after prediction:\n" + out, 5, count(out, TF1_LINE));
		assertTrue("the labels, probability and uncertainty maps of the open image:\n" + out, out.contains(
			"current image: image-uncertainty 64x64x2, 5 images"));
		assertTrue("Generate Scribbles and Scribbles from ROI Manager in ImageJ 1.x:\n" + out, out.contains(
			"generated: image-labels-scribbles 64x64x2 max 255") && out.contains("from ROIs: image-scribbles 64x64x2 min 2"));
		assertTrue(out, out.contains("coexistence macro finished"));
		Path root = tmp.getRoot().toPath();
		assertTrue(out, Files.isRegularFile(root.resolve("model-" + name).resolve("model.json")));
		assertTrue(out, Files.isRegularFile(root.resolve("pred-" + name).resolve("test01.nii.gz")));
		assertTrue(out, Files.isRegularFile(root.resolve("model-image-" + name).resolve("model.json")));
	}

	@Test
	public void tensorFlow1JarsFirstThenOurPlugin() throws Exception {
		List<Path> cp = new ArrayList<>(tf1);
		cp.add(plugin);
		assertAllSucceeded("tf1-first", imagej(cp, "tf1-first"));
	}

	@Test
	public void ourPluginFirstThenTensorFlow1Jars() throws Exception {
		List<Path> cp = new ArrayList<>(List.of(plugin));
		cp.addAll(tf1);
		assertAllSucceeded("ours-first", imagej(cp, "ours-first"));
	}

	/** The clash the engine folder avoids: our engine's jars on ImageJ's flat class path after TensorFlow 1.15's. */
	@Test
	public void control_onOneFlatClassPathOurCommandFailsAndTheTf1PluginWorks() throws Exception {
		List<Path> cp = new ArrayList<>(tf1);
		try (Stream<Path> s = Files.list(app.resolve(org.labelefficient.bridge.ChildJvmEngine.FOLDER))) {
			cp.addAll(s.sorted().toList());
		}
		String out = imagej(cp, "flat", "-D" + org.labelefficient.bridge.ChildJvmEngine.FOLDER_PROPERTY + "=/nonexistent");
		assertTrue(out, out.startsWith(TF1_LINE) || out.contains(TF1_LINE));
		assertTrue("our training on the flat class path:\n" + out, out.contains("Error"));
		out.lines().filter(l -> l.contains("Error")).limit(3).forEach(l -> System.err.println("CoexistenceTest flat: "
			+ l));
	}
}
