package org.labelefficient.ij1;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.bridge.ChildJvmEngine;

/**
 * {@code bin/install-fiji} on a folder laid out like a Fiji with other plugins (CSBDeep's TensorFlow 1.15, a
 * protobuf, plugins of others, and old copies of our own jar): install, install again (the update), uninstall. Our
 * old copies go, the files of others stay byte-identical, and after uninstalling the folder is what it was less our
 * old copies. Needs the packaged jar and {@code target/lib} ({@code mvn verify} runs it after {@code package}).
 */
public class InstallFijiTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path app;
	private Map<String, String> others;

	@Before
	public void fijiWithOtherPlugins() throws Exception {
		boolean packaged;
		try (Stream<Path> s = Files.list(Path.of("target"))) {
			packaged = s.anyMatch(p -> p.getFileName().toString().matches("label-efficient-segmentation-.*[0-9T]\\.jar"))
				&& Files.isDirectory(Path.of("target", "lib"));
		}
		if (!packaged) System.err.println("SKIPPED: InstallFijiTest needs `mvn package` first (mvn verify runs it after)");
		assumeTrue("not packaged", packaged);
		app = tmp.newFolder("Fiji.app").toPath();
		write("jars/libtensorflow-1.15.0.jar", "TensorFlow 1.15 of CSBDeep");
		write("jars/protobuf-java-3.5.1.jar", "someone's protobuf");
		write("jars/linux64/libtensorflow_jni.so", "someone's native library");
		write("plugins/CSBDeep-0.6.0.jar", "CSBDeep");
		write("plugins/jars/other-lib.jar", "a library of another plugin");
		write("macros/StartupMacros.txt", "macro");
		others = hashes();
		write("plugins/Label_Efficient_Segmentation-0.0.1.jar", "our old copy");
		write("jars/label-efficient-segmentation-0.0.1.jar", "our old copy installed by hand");
	}

	private void write(String rel, String content) throws IOException {
		Files.writeString(Files.createDirectories(app.resolve(rel).getParent()).resolve(app.resolve(rel).getFileName()),
			content);
	}

	/** Path relative to the folder -> SHA-256 of every file. */
	private Map<String, String> hashes() throws Exception {
		Map<String, String> h = new TreeMap<>();
		try (Stream<Path> s = Files.walk(app)) {
			for (Path p : s.filter(Files::isRegularFile).toList())
				h.put(app.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
					Files.readAllBytes(p))));
		}
		return h;
	}

	private static Result install(String... args) throws Exception {
		List<String> cmd = new java.util.ArrayList<>(List.of("bash", "bin/install-fiji"));
		cmd.addAll(List.of(args));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertTrue("install-fiji finished in time", p.waitFor(5, TimeUnit.MINUTES));
		return new Result(p.exitValue(), out);
	}

	private record Result(int status, String output) {}

	private void assertInstalled() throws Exception {
		Map<String, String> now = hashes();
		for (var e : others.entrySet())
			assertEquals("another plugin's " + e.getKey() + " is untouched", e.getValue(), now.get(e.getKey()));
		assertFalse(now.containsKey("plugins/Label_Efficient_Segmentation-0.0.1.jar"));
		assertFalse(now.containsKey("jars/label-efficient-segmentation-0.0.1.jar"));
		List<String> plugins = now.keySet().stream().filter(k -> k.startsWith("plugins/Label_Efficient")).toList();
		assertEquals(plugins.toString(), 1, plugins.size());
		String engine = ChildJvmEngine.FOLDER + "/";
		List<String> natives = now.keySet().stream().filter(k -> k.startsWith(engine + "tensorflow-core-native-")
			&& k.matches(".*-[a-z]+-[a-z0-9_]+\\.jar")).toList();
		assertEquals("one native jar, this platform's: " + natives, List.of(engine
			+ "tensorflow-core-native-1.1.0-linux-x86_64.jar"), natives);
		assertTrue(now.containsKey(engine + "tensorflow-core-api-1.1.0.jar"));
		assertTrue(now.keySet().stream().anyMatch(k -> k.startsWith(engine + "label-efficient-segmentation-")));
		List<String> manifest = Files.readAllLines(app.resolve("label-efficient/installed-files.txt"));
		List<String> ours = now.keySet().stream().filter(k -> !others.containsKey(k)).sorted().toList();
		assertEquals("the manifest lists exactly what was installed", ours, manifest.stream().sorted().toList());
		assertTrue("nothing of ours on ImageJ's class path but the plugin jar", ours.stream().noneMatch(k -> k
			.startsWith("jars/") || (k.startsWith("plugins/") && !k.startsWith("plugins/Label_Efficient_"))));
	}

	@Test
	public void installUpdateAndUninstallTouchOnlyOurFiles() throws Exception {
		Result first = install(app.toString());
		assertEquals(first.output(), 0, first.status());
		assertInstalled();
		// an update: a file an earlier version installed (listed in the manifest) and no longer ships is removed
		write(ChildJvmEngine.FOLDER + "/retired-dependency-0.1.jar", "old");
		Files.writeString(app.resolve("label-efficient/installed-files.txt"), ChildJvmEngine.FOLDER
			+ "/retired-dependency-0.1.jar\n", java.nio.file.StandardOpenOption.APPEND);
		Result again = install(app.toString());
		assertEquals(again.output(), 0, again.status());
		assertFalse(Files.exists(app.resolve(ChildJvmEngine.FOLDER + "/retired-dependency-0.1.jar")));
		assertInstalled();
		Result removed = install(app.toString(), "--uninstall");
		assertEquals(removed.output(), 0, removed.status());
		assertEquals("after uninstalling, the folder holds the other plugins' files, byte-identical", others, hashes());
		assertFalse(Files.exists(app.resolve("label-efficient")));
	}

	@Test
	public void aFolderThatIsNoImageJIsRefusedWithOneSentence() throws Exception {
		Result missing = install(app.resolve("nowhere").toString());
		assertEquals(2, missing.status());
		assertEquals("Error: " + app.resolve("nowhere") + ": not found (give the Fiji.app or ImageJ folder)", missing
			.output().trim());
		Path empty = tmp.newFolder("empty").toPath();
		Result notImagej = install(empty.toString());
		assertEquals(2, notImagej.status());
		assertEquals("Error: " + empty + " has no plugins folder: not a Fiji or ImageJ folder", notImagej.output().trim());
		Result badOption = install(app.toString(), "--remove");
		assertEquals(2, badOption.status());
		assertTrue(badOption.output(), badOption.output().startsWith("Usage: bin/install-fiji"));
	}
}
