package org.labelefficient.method;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.io.BadInputException;

/**
 * The values of a method's {@link Setting}s: user values where given, defaults elsewhere. Unknown keys and values of
 * the wrong type are reported as {@link BadInputException}s naming the key.
 */
public final class MethodSettings {

	private final Map<String, String> values = new LinkedHashMap<>();

	/** Merges {@code given} over the defaults of {@code settings}; keys not among them are an error. */
	public MethodSettings(List<Setting> settings, Map<String, String> given) {
		for (Setting s : settings)
			values.put(s.key(), s.defaultValue());
		for (Map.Entry<String, String> e : given.entrySet()) {
			if (!values.containsKey(e.getKey())) throw new BadInputException("Unknown setting '" + e.getKey()
				+ "'; this method knows " + String.join(", ", values.keySet()));
			values.put(e.getKey(), e.getValue());
		}
	}

	/** A setting as a number. */
	public double number(String key) {
		String v = raw(key);
		try {
			return Double.parseDouble(v);
		}
		catch (NumberFormatException e) {
			throw new BadInputException("Setting '" + key + "' must be a number, got '" + v + "'");
		}
	}

	/** A setting as text. */
	public String string(String key) {
		return raw(key);
	}

	/** A setting as a float. */
	public float real(String key) {
		return (float) number(key);
	}

	/** A setting as a boolean ({@code true}/{@code false}). */
	public boolean flag(String key) {
		String v = raw(key);
		if (v.equalsIgnoreCase("true")) return true;
		if (v.equalsIgnoreCase("false")) return false;
		throw new BadInputException("Setting '" + key + "' must be true or false, got '" + v + "'");
	}

	private String raw(String key) {
		String v = values.get(key);
		if (v == null) throw new IllegalArgumentException("No setting " + key);
		return v;
	}

	/** All values, for the model file. */
	public Map<String, String> asMap() {
		return Collections.unmodifiableMap(values);
	}
}
