package org.labelefficient.request;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;
import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.method.Methods;
import org.labelefficient.scribble.ScribbleGenerator;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;

/**
 * A setting's key is spelled in its declaration only (issue 17): outside the file that declares it, no code reads a
 * setting or an option by a literal key ({@code options.string("seed")}, {@code map.get("seed")}) and no message
 * or option text is written with one ({@code "seed=" + ...}). Code refers to settings through their declarations, so
 * renaming a key, or adding one, is a one-line change. (A literal equal to a key elsewhere, such as a folder or
 * graph node named "model" or "seed", is not a setting.)
 */
public class KeysSpelledOnceTest {

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
	/** A call that reads or writes a setting or option by key. */
	private static final Pattern ACCESS = Pattern.compile(
		"\\.(string|has|path|integer|number|flag|real|get|getOrDefault|put|containsKey|remove)\\(\\s*$");

	@Test
	public void noKeyIsSpelledOutsideItsDeclaration() throws IOException {
		Set<Setting<?>> all = new LinkedHashSet<>(RequestSettings.ALL);
		all.addAll(LoopSettings.ALL);
		all.addAll(CommandSettings.PREDICT);
		all.addAll(CommandSettings.EVALUATE);
		all.addAll(CommandSettings.DEMO);
		all.addAll(ExportSettings.EXPORT);
		all.addAll(ExportSettings.IMPORT);
		all.addAll(ScribbleGenerator.SETTINGS);
		for (String id : Methods.ids())
			all.addAll(Methods.get(id).settings());
		Set<String> keys = new LinkedHashSet<>();
		all.forEach(s -> keys.add(s.key()));
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i), code = line.trim();
					if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) continue;
					Matcher m = LITERAL.matcher(line);
					while (m.find()) {
						String literal = m.group(1);
						boolean accessed = ACCESS.matcher(line.substring(0, m.start())).find();
						for (String key : keys)
							if ((accessed && literal.equals(key) || literal.startsWith(key + "=")) && !declares(lines,
								key)) found.add(f + ":" + (i + 1) + ": \"" + literal + "\"");
					}
				}
			}
		}
		assertEquals("keys spelled outside their declarations:\n" + String.join("\n", found), List.of(), found);
	}

	/** Whether the file declares {@code key}: {@code Setting.kind("key", ...} or a helper {@code ("key", ...}. */
	private static boolean declares(List<String> lines, String key) {
		return lines.stream().anyMatch(l -> l.contains("(\"" + key + "\","));
	}
}
