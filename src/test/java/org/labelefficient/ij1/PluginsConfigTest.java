package org.labelefficient.ij1;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;
import org.labelefficient.cli.Main;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

import ij.plugin.PlugIn;

/**
 * Every Fiji command is reachable in plain ImageJ 1.x: it has a {@code plugins.config} entry whose class is an
 * ImageJ plugin and whose argument names a command that exists. And the doors load in ImageJ's JVM without the
 * engine's jars (TensorFlow, JavaCPP, protobuf, Gson, jhdf live in the engine folder, off ImageJ's class path).
 */
public class PluginsConfigTest {

	private static final Pattern ENTRY = Pattern.compile(
		"^Plugins>Label-Efficient Segmentation, \"([^\"]+)\", ([\\w.]+)\\(\"([^\"]*)\"\\)$");

	/** The ImageJ 1.x entry of each Fiji command (a new command fails this test until it has one). */
	private static final Map<String, String> ENTRY_OF = new TreeMap<>(Map.ofEntries(Map.entry(
		"TrainFromScribblesCommand", "LES Train"), Map.entry("TrainSemiSupervisedCommand", "LES Train"), Map.entry(
			"ContinueTrainingCommand", "LES Continue Training"), Map.entry("ImproveWithUnlabelledCommand", "LES Improve"),
		Map.entry("PredictFolderCommand", "LES Predict"), Map.entry("EvaluateCommand", "LES Evaluate"), Map.entry(
			"ModelInfoCommand", "LES Model Info"), Map.entry("PredictImageCommand", "LES Predict Current Image"), Map
				.entry("TrainOnCurrentImageCommand", "LES Train on Current Image"), Map.entry(
					"ScribblesFromRoiManagerCommand", "LES Scribbles from ROI Manager"), Map.entry(
						"GenerateScribblesCommand", "LES Generate Scribbles"), Map.entry("ExportBioimageCommand",
							"LES Export"), Map.entry("ImportBioimageCommand", "LES Import")));

	private static Map<String, String[]> entries() throws Exception {
		Map<String, String[]> entries = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("plugins.config"))) {
			if (line.isBlank() || line.startsWith("#")) continue;
			Matcher m = ENTRY.matcher(line);
			assertTrue("plugins.config line not understood: " + line, m.matches());
			entries.put(m.group(1), new String[] { m.group(2), m.group(3) });
		}
		return entries;
	}

	@Test
	public void everyFijiCommandHasAnEntryThatResolves() throws Exception {
		Map<String, String[]> entries = entries();
		List<String> commands = new ArrayList<>();
		try (Context context = new Context(CommandService.class)) {
			for (CommandInfo info : context.service(CommandService.class).getCommandsOfType(Command.class))
				if (info.getClassName().startsWith("org.labelefficient.command.")) commands.add(info.getClassName()
					.substring("org.labelefficient.command.".length()));
		}
		assertEquals("the Fiji commands with an ImageJ 1.x entry", ENTRY_OF.keySet(), new java.util.TreeSet<>(commands));
		for (String label : ENTRY_OF.values())
			assertNotNull("plugins.config has no entry \"" + label + "\"", entries.get(label));
		for (var e : entries.entrySet()) {
			Class<?> c = Class.forName(e.getValue()[0]);
			assertTrue(e.getKey() + ": " + c + " is an ImageJ plugin", PlugIn.class.isAssignableFrom(c));
			String arg = e.getValue()[1];
			if (c == MacroCommand.class) assertNotNull(e.getKey() + ": no command '" + arg + "'", Main.usage(arg));
			else assertTrue(e.getKey() + ": " + arg, ImageCommand.COMMANDS.contains(arg));
		}
	}

	/**
	 * The doors' classes load, link and initialise with ImageJ, SciJava and our plugin jar alone, and the method lists
	 * of the dialogs come from the registry there: nothing of the engine's jars is needed in ImageJ's JVM.
	 */
	@Test
	public void theDoorsLoadWithoutTheEnginesJars() throws Exception {
		try (URLClassLoader imagej = withoutEngineJars("(ij|scijava-common|parsington)-.*\\.jar", 4)) {
			List<String> doors = new ArrayList<>(List.of(MacroCommand.class.getName(), ImageCommand.class.getName(),
				Engines.class.getName(), CurrentImage.class.getName()));
			for (String c : ENTRY_OF.keySet())
				doors.add("org.labelefficient.command." + c);
			for (String c : doors)
				assertNotNull(c, Class.forName(c, true, imagej));
			assertThrows(() -> Class.forName("org.tensorflow.Graph", false, imagej));
			assertThrows(() -> Class.forName("com.google.gson.Gson", false, imagej));
			Class<?> kind = Class.forName("org.labelefficient.data.BatchPlan$LabelKind", true, imagej);
			Object scribble = kind.getField("SCRIBBLE").get(null);
			List<?> ids = (List<?>) Class.forName("org.labelefficient.method.Methods", true, imagej).getMethod("ids", kind)
				.invoke(null, scribble);
			assertTrue("the scribble methods: " + ids, ids.contains("scribsd") && ids.contains("pce"));
			Object usage = Class.forName(Main.class.getName(), true, imagej).getMethod("usage", String.class).invoke(null,
				"train");
			assertTrue(String.valueOf(usage), String.valueOf(usage).startsWith("train "));
		}
	}

	/**
	 * The scripting API ({@code script.Segmenter}) loads, links and initialises with ImageJ, SciJava, ImgLib2 and our
	 * plugin jar alone (as in an installed Fiji, where it segments through the engine's own process), and reaches its
	 * first check: a missing model is one sentence, not a NoClassDefFoundError of TensorFlow.
	 */
	@Test
	public void theScriptingApiLoadsWithoutTheEnginesJars() throws Exception {
		try (URLClassLoader fiji = withoutEngineJars("(ij|scijava-common|parsington|imglib2)-[0-9].*\\.jar", 5)) {
			for (String c : List.of("Segmenter", "Segmenter$Result", "Backend", "Backend$Prediction", "EngineBackend"))
				assertNotNull(c, Class.forName("org.labelefficient.script." + c, true, fiji));
			assertThrows(() -> Class.forName("org.tensorflow.Graph", false, fiji));
			assertThrows(() -> Class.forName("com.google.gson.Gson", false, fiji));
			Class<?> segmenter = Class.forName("org.labelefficient.script.Segmenter", true, fiji);
			Path missing = Path.of("target", "no-such-model");
			try {
				segmenter.getMethod("load", String.class).invoke(null, missing.toString());
				throw new AssertionError("a missing model was loaded");
			}
			catch (java.lang.reflect.InvocationTargetException e) {
				assertEquals(e.getCause().toString(), "org.labelefficient.io.BadInputException", e.getCause().getClass()
					.getName());
				assertEquals(missing + ": not found", e.getCause().getMessage());
			}
		}
	}

	/**
	 * Our classes and the jars of the test class path whose names match {@code jars} ({@code expected} entries in
	 * all), over the platform class loader: ImageJ's JVM in an installed Fiji, without the engine's jars.
	 */
	public static URLClassLoader withoutEngineJars(String jars, int expected) throws Exception {
		List<URL> urls = new ArrayList<>(List.of(Path.of("target", "classes").toUri().toURL()));
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			String name = Path.of(entry).getFileName().toString();
			if (name.matches(jars)) urls.add(Path.of(entry).toUri().toURL());
		}
		assertEquals("the jars " + jars + " and our classes: " + urls, expected, urls.size());
		return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

	private interface Call {
		void run() throws Exception;
	}

	private static void assertThrows(Call call) {
		try {
			call.run();
		}
		catch (Exception | LinkageError e) {
			return;
		}
		throw new AssertionError("the engine's jars are on this class path");
	}
}
