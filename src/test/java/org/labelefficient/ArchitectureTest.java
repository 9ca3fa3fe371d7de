package org.labelefficient;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Keeps the package dependencies along the data flow (files -> data -> train/method -> model -> infer -> metrics;
 * {@code io}, {@code setting} (the declarations of settings) and {@code nn} below everything; {@code request} (one
 * request from options) under the doors; the doors {@code ui}, {@code demo}, {@code cli}, {@code ij1},
 * {@code command} on top; see docs/architecture.md). Every reference of a main class to another package (imports,
 * static imports, fully qualified names, javadoc links) must be allowed by {@link #ALLOWED}, which names packages or
 * single classes, and the table itself must have no cycle.
 */
public class ArchitectureTest {

	private static final Path SOURCES = Paths.get("src/main/java/org/labelefficient");

	private static final Pattern REFERENCE = Pattern.compile("\\borg\\.labelefficient\\.([a-z0-9_]+)\\.([A-Z]\\w*)");

	/** What each package may use, lower layers first. */
	private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
		Map.entry("io", List.of()),
		// the declarations of settings: key, type, default, range, description; every layer declares its own
		Map.entry("setting", List.of("io")),
		Map.entry("nn", List.of()),
		// the doors' boundary to the engine in plain strings (a child JVM from the engine folder): the JDK only
		Map.entry("bridge", List.of()),
		Map.entry("data", List.of("io", "setting")),
		Map.entry("scribble", List.of("io", "setting", "data")),
		Map.entry("model", List.of("io", "setting", "nn")),
		Map.entry("method", List.of("io", "setting", "nn", "data", "model")),
		Map.entry("infer", List.of("io", "setting", "nn", "model")),
		Map.entry("metrics", List.of("io", "setting")),
		// validation during training predicts (infer) and scores (metrics) the validation volumes
		Map.entry("train", List.of("io", "setting", "nn", "data", "method", "model", "infer", "metrics")),
		Map.entry("ui", List.of("io", "setting", "train")),
		Map.entry("demo", List.of("io", "setting", "data", "train", "model", "infer", "metrics", "ui")),
		// one request from options, built the same way by every door
		Map.entry("request", List.of("io", "setting", "data", "method", "train", "model", "infer", "metrics")),
		// bioimage.io packages: a model folder (model, its best SavedModel run through infer) to a package and back
		Map.entry("bioimage", List.of("io", "setting", "model", "infer")),
		// the scripting API: load a model (folder or package), segment ImgLib2 images, scribbles from ROIs; in an
		// installed Fiji it segments through the engine boundary as the Fiji commands do (ij1.Engines, CurrentImage)
		Map.entry("script", List.of("io", "setting", "model", "infer", "scribble", "bioimage", "request",
			"ij1.Engines", "ij1.CurrentImage")),
		Map.entry("cli", List.of("io", "setting", "request", "data", "method", "train", "model", "infer", "metrics",
			"demo", "bioimage")),
		// the macro door runs the command line's commands: a macro is the command line in another syntax
		Map.entry("ij1", List.of("io", "setting", "request", "data", "scribble", "method", "train", "infer", "ui",
			"cli.Main", "bridge")),
		// the Fiji commands reach the engine through the same boundary as the macro door (ij1.Engines)
		Map.entry("command", List.of("io", "setting", "request", "data", "scribble", "method", "train", "model",
			"infer", "metrics", "ui", "bioimage", "bridge", "ij1.Engines", "ij1.CurrentImage")));

	@Test
	public void everyReferenceFollowsTheTable() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Map.Entry<String, Set<String>> e : references().entrySet()) {
			String from = e.getKey().substring(0, e.getKey().indexOf('/'));
			for (String target : e.getValue())
				if (!allowed(from, target)) violations.add(from + " -> " + target + "  (" + e.getKey() + ")");
		}
		assertTrue("Package dependencies against the data flow (ArchitectureTest.ALLOWED, docs/architecture.md):\n  "
			+ String.join("\n  ", violations), violations.isEmpty());
	}

	@Test
	public void everyPackageHasARow() throws IOException {
		Set<String> packages = new TreeSet<>();
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
		}
		assertEquals("packages in ArchitectureTest.ALLOWED", packages, new TreeSet<>(ALLOWED.keySet()));
	}

	@Test
	public void theTableHasNoCycle() {
		for (String start : ALLOWED.keySet())
			assertFalse("cycle through " + start, reaches(start, start, new HashSet<>()));
	}

	@Test
	public void aBackwardReferenceIsReported() {
		assertTrue(allowed("train", "model.ModelInfo"));
		assertTrue(allowed("ij1", "cli.Main"));
		assertFalse(allowed("model", "train.Trainer"));
		assertFalse(allowed("ij1", "cli.PredictCommand"));
		assertFalse(allowed("infer", "data.Normalization"));
	}

	/** Whether package {@code from} may use {@code target} ({@code package.Class}). */
	private static boolean allowed(String from, String target) {
		String pkg = target.substring(0, target.indexOf('.'));
		if (pkg.equals(from)) return true;
		List<String> rules = new ArrayList<>(ALLOWED.getOrDefault(from, List.of()));
		return rules.contains(pkg) || rules.contains(target);
	}

	private static boolean reaches(String from, String goal, Set<String> seen) {
		for (String rule : ALLOWED.get(from)) {
			String next = rule.contains(".") ? rule.substring(0, rule.indexOf('.')) : rule;
			if (next.equals(goal)) return true;
			if (seen.add(next) && reaches(next, goal, seen)) return true;
		}
		return false;
	}

	/** For every main source file ({@code package/File.java}), the classes it names ({@code package.Class}). */
	private static Map<String, Set<String>> references() throws IOException {
		Map<String, Set<String>> refs = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Set<String> targets = new TreeSet<>();
				Matcher m = REFERENCE.matcher(Files.readString(f));
				while (m.find())
					targets.add(m.group(1) + "." + m.group(2));
				refs.put(SOURCES.relativize(f).toString().replace('\\', '/'), targets);
			}
		}
		return refs;
	}
}
