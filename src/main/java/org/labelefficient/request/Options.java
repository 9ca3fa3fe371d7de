package org.labelefficient.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.labelefficient.io.BadInputException;
import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;

/**
 * {@code key=value} options, as given on the command line or recorded by the ImageJ macro recorder (the same
 * snake_case keys in both). Values may be wrapped in square brackets (ImageJ's quoting for values with spaces).
 * {@link #values} parses and checks the options a command declares ({@link Setting}); {@link #checkAllUsed()} rejects
 * keys nobody asked for, so a misspelt option is an error rather than silently ignored. The one parser of every door:
 * the command line, ImageJ macro options and the request the Fiji commands build.
 */
public final class Options {

	private final String command;
	private final Map<String, String> values = new LinkedHashMap<>();
	private final Set<String> used = new LinkedHashSet<>();

	/** Parses {@code key=value} words for {@code command} (named in messages). */
	public Options(String command, List<String> words) {
		this.command = command;
		for (String w : words) {
			int eq = w.indexOf('=');
			if (eq <= 0) throw new BadInputException("Option '" + w + "' of " + command + " is not of the form key=value");
			String key = w.substring(0, eq).trim();
			if (values.containsKey(key)) throw new BadInputException("Option '" + key + "' of " + command
				+ " is given twice");
			values.put(key, unquote(w.substring(eq + 1).trim()));
		}
	}

	/** Options for {@code command} from a key-to-value map. */
	public static Options of(String command, Map<String, String> values) {
		return new Options(command, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
	}

	/**
	 * Parses an ImageJ macro options string such as {@code "model=/a/b input=[/my images] seed=3 probabilities"}
	 * (a bare key is a ticked checkbox: true).
	 */
	public static Options fromMacro(String command, String macroOptions) {
		List<String> words = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean bracket = false;
		for (char c : macroOptions.trim().toCharArray()) {
			if (c == '[') bracket = true;
			else if (c == ']') bracket = false;
			if (c == ' ' && !bracket) {
				if (current.length() > 0) words.add(current.toString());
				current.setLength(0);
			}
			else current.append(c);
		}
		if (current.length() > 0) words.add(current.toString());
		// the macro recorder writes a ticked checkbox as the bare key
		return new Options(command, words.stream().map(w -> w.contains("=") ? w : w + "=true").toList());
	}

	private static String unquote(String v) {
		return v.length() >= 2 && v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
	}

	/** True when the key was given. */
	public boolean has(String key) {
		used.add(key);
		return values.containsKey(key);
	}

	/** A required string. */
	public String string(String key) {
		used.add(key);
		String v = values.get(key);
		if (v == null || v.isEmpty()) throw new BadInputException("Missing option '" + key + "=' for " + command);
		return v;
	}

	/** The values of the {@code declared} settings (defaults where not given), each checked; the keys are used. */
	public SettingValues values(List<Setting<?>> declared) {
		Map<String, String> given = new LinkedHashMap<>();
		for (Setting<?> s : declared)
			if (has(s.key())) given.put(s.key(), string(s.key()));
		return new SettingValues(declared, given);
	}

	/** The options nobody asked for yet, marked as used: for a command that passes them on to another. */
	public Map<String, String> remaining() {
		Map<String, String> rest = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (used.add(k)) rest.put(k, v);
		});
		return rest;
	}

	/** Fails if an option was given that no getter asked for. */
	public void checkAllUsed() {
		List<String> unknown = new ArrayList<>();
		for (String k : values.keySet())
			if (!used.contains(k)) unknown.add(k);
		if (!unknown.isEmpty()) throw new BadInputException("Unknown option" + (unknown.size() > 1 ? "s " : " ")
			+ String.join(", ", unknown) + " for " + command + "; known: " + String.join(", ", used));
	}
}
