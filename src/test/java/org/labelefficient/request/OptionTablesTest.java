package org.labelefficient.request;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;
import org.labelefficient.method.Methods;
import org.labelefficient.scribble.ScribbleGenerator;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;

/**
 * The documentation's option tables agree with the declarations, so they cannot drift (issue 17). Every markdown table
 * whose second column is "default" (in README.md or docs/*.md, wherever it has moved) is checked against the settings
 * its section names: the section of {@code `train`} against the request and loop settings, the section of a method
 * id against that method's settings (and the request and loop settings it may discuss), the section of
 * {@code `generate-scribbles`} against the scribble generator's. Each key a row names must be declared with the default the row gives; keys
 * written {@code `key`=value} in the text of a table are checked the same way; the {@code train} table must name
 * every request and loop setting.
 */
public class OptionTablesTest {

	/** The Fiji command whose section documents the scribble generator's settings. */
	private static final String GENERATE_SCRIBBLES = "generate-scribbles";
	private static final Pattern INLINE = Pattern.compile("`([a-z_0-9]+)`=([^\\s,);]+)");

	/** A table: the section heading above it and its rows (cells). */
	private record Table(Path file, String heading, List<List<String>> rows, String text) {}

	@Test
	public void everyOptionTableMatchesTheDeclarations() throws IOException {
		Set<String> sections = new TreeSet<>();
		for (Table t : tables()) {
			List<Setting<?>> declared = declarationsOf(t);
			sections.add(section(t));
			Set<String> named = new TreeSet<>();
			for (List<String> row : t.rows()) {
				List<String> keys = backticked(row.get(0));
				if (keys.isEmpty()) continue;
				String[] defaults = keys.size() == 1 ? new String[] { row.get(1) } : row.get(1).split(", ");
				assertEquals(t.file() + ": one default per key in " + row, keys.size(), defaults.length);
				for (int i = 0; i < keys.size(); i++) {
					check(t, declared, keys.get(i), defaults[i]);
					named.add(keys.get(i));
				}
			}
			Matcher m = INLINE.matcher(t.text());
			while (m.find()) {
				if (find(declared, m.group(1)) == null) continue; // a key of another command, or a value
				check(t, declared, m.group(1), m.group(2));
				named.add(m.group(1));
			}
			if (section(t).equals("train")) for (Setting<?> s : declared)
				assertTrue(t.file() + ": the train table lacks " + s.key(), named.contains(s.key()));
		}
		assertTrue("tables found: " + sections, sections.containsAll(Set.of("train", "scribsd", "action")));
	}

	private static void check(Table t, List<Setting<?>> declared, String key, String documented) {
		Setting<?> s = find(declared, key);
		assertTrue(t.file() + ", section " + t.heading() + ": " + key + " is not a declared setting", s != null);
		String text = documented.replace("`", "").trim();
		if (s.required()) {
			assertEquals(t.file() + ": " + key, "required", text);
			return;
		}
		text = text.equals("(none)") ? "" : text.split(" \\(")[0].trim();
		assertTrue(t.file() + ": " + key + " is documented with default " + documented + " but declared with "
			+ s.defaultText(), Objects.deepEquals(s.defaultValue(), s.parse(text)));
	}

	private static Setting<?> find(List<Setting<?>> declared, String key) {
		return declared.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
	}

	/** The settings of the table's section: train's, or a method's with train's (which its table may discuss). */
	private static List<Setting<?>> declarationsOf(Table t) {
		String section = section(t);
		if (section.equals(GENERATE_SCRIBBLES)) return ScribbleGenerator.SETTINGS;
		List<Setting<?>> all = new ArrayList<>(RequestSettings.ALL);
		all.addAll(LoopSettings.ALL);
		if (!section.equals("train")) all.addAll(Methods.get(section).settings());
		return all;
	}

	/** The command or method id named in backticks by the heading. */
	private static String section(Table t) {
		List<String> ids = backticked(t.heading()).stream().filter(id -> id.equals("train") || id.equals(GENERATE_SCRIBBLES) || Methods.ids().contains(
			id)).toList();
		assertEquals(t.file() + ": the heading above an option table names train, generate-scribbles or one method: " + t.heading(), 1,
			ids.size());
		return ids.get(0);
	}

	private static List<String> backticked(String text) {
		List<String> out = new ArrayList<>();
		Matcher m = Pattern.compile("`([^`]+)`").matcher(text);
		while (m.find())
			out.add(m.group(1));
		return out;
	}

	/** The tables with a "default" column in README.md and docs/*.md. */
	private static List<Table> tables() throws IOException {
		List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
		if (Files.isDirectory(Path.of("docs"))) try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		List<Table> tables = new ArrayList<>();
		for (Path f : files) {
			String heading = "";
			List<String> lines = Files.readAllLines(f);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).startsWith("#")) heading = lines.get(i);
				List<String> header = cells(lines.get(i));
				if (header.size() < 3 || !header.get(1).equals("default")) continue;
				List<List<String>> rows = new ArrayList<>();
				StringBuilder text = new StringBuilder();
				for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
					rows.add(cells(lines.get(i)));
					text.append(lines.get(i)).append('\n');
				}
				tables.add(new Table(f, heading, rows, text.toString()));
			}
		}
		assertFalse("no option tables found", tables.isEmpty());
		return tables;
	}

	private static List<String> cells(String line) {
		if (!line.startsWith("|")) return List.of();
		List<String> cells = new ArrayList<>();
		for (String c : line.substring(1).split("\\|"))
			cells.add(c.trim());
		return cells;
	}
}
