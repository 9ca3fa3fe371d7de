package org.labelefficient.setting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.io.BadInputException;

/**
 * The checked values of a list of {@link Setting}s: the given text parsed by each declaration, defaults elsewhere.
 * Every value is checked when this is built, so a run finds wrong values before it reads any data. Keys not among
 * the declarations are an error.
 */
public final class SettingValues {

	private final Map<String, Setting<?>> declared = new LinkedHashMap<>();
	private final Map<String, Object> values = new LinkedHashMap<>();
	private final Map<String, String> text = new LinkedHashMap<>();

	/** Parses {@code given} (key to text) against {@code settings}. */
	public SettingValues(List<? extends Setting<?>> settings, Map<String, String> given) {
		for (Setting<?> s : settings)
			declared.put(s.key(), s);
		for (String key : given.keySet())
			if (!declared.containsKey(key)) throw new BadInputException("Unknown setting '" + key + "'; known: "
				+ String.join(", ", declared.keySet()));
		for (Setting<?> s : settings)
			read(s, given.get(s.key()));
		for (Setting<?> s : settings)
			if (!given.containsKey(s.key())) applyDependentDefault(s);
	}

	private <T> void read(Setting<T> s, String given) {
		if (given == null && s.required()) throw new BadInputException("Missing option '" + s.key() + "=': "
			+ s.description());
		T value = given == null ? s.defaultValue() : s.parse(given);
		values.put(s.key(), value);
		text.put(s.key(), given == null ? s.format(value) : given.trim());
	}

	private <T> void applyDependentDefault(Setting<T> s) {
		Setting.DependentDefault<T> d = s.dependentDefault();
		if (d == null || !d.when().equals(values.get(d.on().key()))) return;
		values.put(s.key(), d.value());
		text.put(s.key(), s.format(d.value()));
	}

	/** The value of {@code setting}, which must be among the declarations. */
	public <T> T get(Setting<T> setting) {
		if (!declared.containsKey(setting.key())) throw new IllegalArgumentException("No setting " + setting.key()
			+ " here");
		@SuppressWarnings("unchecked")
		T value = (T) values.get(setting.key());
		return value;
	}

	/** A number setting as a float, for graph constants. */
	public float real(Setting<Double> setting) {
		return get(setting).floatValue();
	}

	/** Every value as text (the given text where given), in declaration order: what {@code model.json} records. */
	public Map<String, String> asMap() {
		return Collections.unmodifiableMap(text);
	}

	/** Every value given or defaulted as a plain JSON value (numbers, booleans, text), in declaration order. */
	public Map<String, Object> asJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (v instanceof int[] a && a.length == 1) json.put(k, a[0]);
			else if (v != null) json.put(k, v instanceof Number || v instanceof Boolean ? v : text.get(k));
		});
		return json;
	}
}
