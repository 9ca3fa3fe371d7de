package org.labelefficient.setting;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.labelefficient.io.BadInputException;

/**
 * The one declaration of a setting: its snake_case key (the same on the command line, in macro options, in Fiji
 * dialogs and in {@code model.json}), its type, default, the values it allows, unit and a one-line description.
 * {@link #parse} turns text into a checked value; a wrong value is one sentence naming the key, the value and what is
 * allowed. Declarations are immutable: the narrowing methods return a new one.
 *
 * @param <T> the value type: Integer, Double, Boolean, String (choices, text), Path or double[] (lists)
 */
public final class Setting<T> {

	/** The kinds of value, for parsing and for front ends that build inputs from declarations. */
	public enum Kind {
		INT, NUMBER, BOOL, CHOICE, TEXT, PATH, NUMBERS,
		/** One integer, or three ({@code z,y,x}): a size along every axis or along each. */
		SIZES
	}

	private final String key;
	private final Kind kind;
	private final T defaultValue;
	private final Bounds bounds;
	private final List<String> choices;
	private final String unit;
	private final String description;
	private final DependentDefault<T> dependentDefault;
	private final boolean optional;

	/** Another default that applies when setting {@code on} has the value {@code when}. */
	record DependentDefault<T>(Setting<String> on, String when, T value) {}

	private Setting(String key, Kind kind, T defaultValue, Bounds bounds, List<String> choices, String unit,
		String description, DependentDefault<T> dependentDefault, boolean optional) {
		this.key = key;
		this.kind = kind;
		this.defaultValue = defaultValue;
		this.bounds = bounds;
		this.choices = choices;
		this.unit = unit;
		this.description = description;
		this.dependentDefault = dependentDefault;
		this.optional = optional;
	}

	/** An integer setting. */
	public static Setting<Integer> integer(String key, int defaultValue, String description) {
		return new Setting<>(key, Kind.INT, defaultValue, Bounds.NONE, List.of(), "", description, null, false);
	}

	/** A finite number. */
	public static Setting<Double> number(String key, double defaultValue, String description) {
		return new Setting<>(key, Kind.NUMBER, defaultValue, Bounds.NONE, List.of(), "", description, null, false);
	}

	/** {@code true} or {@code false}. */
	public static Setting<Boolean> flag(String key, boolean defaultValue, String description) {
		return new Setting<>(key, Kind.BOOL, defaultValue, Bounds.NONE, List.of(), "", description, null, false);
	}

	/** One of {@code choices} (matched ignoring case; the value is the choice as declared). */
	public static Setting<String> choice(String key, String defaultValue, String description, List<String> choices) {
		return new Setting<>(key, Kind.CHOICE, defaultValue, Bounds.NONE, List.copyOf(choices), "", description, null, false);
	}

	/** Free text; a null default makes the setting required. */
	public static Setting<String> text(String key, String defaultValue, String description) {
		return new Setting<>(key, Kind.TEXT, defaultValue, Bounds.NONE, List.of(), "", description, null, false);
	}

	/** A file or folder; a null default makes the setting required. */
	public static Setting<Path> path(String key, Path defaultValue, String description) {
		return new Setting<>(key, Kind.PATH, defaultValue, Bounds.NONE, List.of(), "", description, null, false);
	}

	/** Comma-separated numbers, each within the bounds. */
	public static Setting<double[]> numbers(String key, double[] defaultValue, String description) {
		return new Setting<>(key, Kind.NUMBERS, defaultValue, Bounds.NONE, List.of(), "", description, null, false);
	}

	/** One integer (the same along every axis) or three ({@code z,y,x}), each within the bounds. */
	public static Setting<int[]> sizes(String key, int defaultValue, String description) {
		return new Setting<>(key, Kind.SIZES, new int[] { defaultValue }, Bounds.NONE, List.of(), "", description, null,
			false);
	}

	private Setting<T> with(Bounds b, List<String> c, String u, DependentDefault<T> d) {
		return new Setting<>(key, kind, defaultValue, b, c, u, description, d, optional);
	}

	/** The same setting with another default (a method's own choice for a shared setting). */
	public Setting<T> withDefault(T value) {
		return withDefault(value, description);
	}

	/** The same setting with another default and description (a method's own choice for a shared setting). */
	public Setting<T> withDefault(T value, String newDescription) {
		return new Setting<>(key, kind, value, bounds, choices, unit, newDescription, dependentDefault, optional);
	}

	/** Without a default, yet not required: left out, its value is null (an output file not written, say). */
	public Setting<T> optional() {
		return new Setting<>(key, kind, defaultValue, bounds, choices, unit, description, dependentDefault, true);
	}

	/** Values of at least {@code min}. */
	public Setting<T> atLeast(double min) {
		return with(bounds.from(min, false), choices, unit, dependentDefault);
	}

	/** Values above {@code min}. */
	public Setting<T> above(double min) {
		return with(bounds.from(min, true), choices, unit, dependentDefault);
	}

	/** Values of at most {@code max}. */
	public Setting<T> atMost(double max) {
		return with(bounds.to(max, false), choices, unit, dependentDefault);
	}

	/** Values below {@code max}. */
	public Setting<T> below(double max) {
		return with(bounds.to(max, true), choices, unit, dependentDefault);
	}

	/** Integer values that are multiples of {@code step}. */
	public Setting<T> multipleOf(int step) {
		return with(bounds.multipleOf(step), choices, unit, dependentDefault);
	}

	/** All values of the bounds but {@code value}. */
	public Setting<T> except(double value) {
		return with(bounds.except(value), choices, unit, dependentDefault);
	}

	/** Integer values among {@code allowed} only. */
	public Setting<T> among(Integer... allowed) {
		return with(bounds, Arrays.stream(allowed).map(String::valueOf).toList(), unit, dependentDefault);
	}

	/** The unit of the value, for help texts ("iterations", "pixels"). */
	public Setting<T> unit(String value) {
		return with(bounds, choices, value, dependentDefault);
	}

	/** The default is {@code value} instead when setting {@code on} has the value {@code when}. */
	public Setting<T> defaultWhen(Setting<String> on, String when, T value) {
		return with(bounds, choices, unit, new DependentDefault<>(on, when, value));
	}

	public String key() {
		return key;
	}

	public Kind kind() {
		return kind;
	}

	/** The default value; null when the setting is required (or {@link #optional()}). */
	public T defaultValue() {
		return defaultValue;
	}

	/** Whether the setting has no default and must be given. */
	public boolean required() {
		return defaultValue == null && !optional;
	}

	/** The choices of a {@link Kind#CHOICE} setting (or the integers an {@link Kind#INT} allows); else empty. */
	public List<String> choices() {
		return choices;
	}

	public String unit() {
		return unit;
	}

	public String description() {
		return description;
	}

	/** The smallest allowed value (exclusive when the bound is open), or null. */
	public Double min() {
		return bounds.min();
	}

	/** The largest allowed value (exclusive when the bound is open), or null. */
	public Double max() {
		return bounds.max();
	}

	DependentDefault<T> dependentDefault() {
		return dependentDefault;
	}

	/** Parses and checks {@code text}; a wrong value is a {@link BadInputException} in one sentence. */
	public T parse(String text) {
		String v = text.trim();
		T value = switch (kind) {
			case INT -> cast(parseWith(v, Integer::valueOf));
			case NUMBER -> cast(parseWith(v, Setting::finite));
			case BOOL -> cast(parseWith(v, Setting::bool));
			case CHOICE -> cast(parseWith(v, this::choose));
			case TEXT -> cast(v);
			case PATH -> cast(parseWith(v, s -> s.isEmpty() ? null : Path.of(s)));
			case NUMBERS -> cast(parseWith(v, s -> Arrays.stream(s.split(",")).mapToDouble(p -> finite(p.trim()))
				.toArray()));
			case SIZES -> cast(parseWith(v, s -> Arrays.stream(s.split(",")).mapToInt(p -> Integer.parseInt(p.trim()))
				.toArray()));
		};
		if (!allows(value)) throw wrong(text);
		return value;
	}

	/** Checks a value given in code, as {@link #parse} checks text; returns it. */
	public T check(T value) {
		if (!allows(value)) throw wrong(formatValue(value));
		if (kind == Kind.CHOICE && !choices.contains(value)) throw wrong(formatValue(value));
		return value;
	}

	@SuppressWarnings("unchecked")
	private T cast(Object o) {
		return (T) o;
	}

	private <R> R parseWith(String v, Function<String, R> parser) {
		try {
			R r = parser.apply(v);
			if (r == null && kind != Kind.PATH) throw new IllegalArgumentException();
			return r;
		}
		catch (RuntimeException e) {
			throw wrong(v);
		}
	}

	private static Double finite(String s) {
		double d = Double.parseDouble(s);
		if (!Double.isFinite(d)) throw new NumberFormatException(s);
		return d;
	}

	private static Boolean bool(String s) {
		if (s.equalsIgnoreCase("true")) return true;
		if (s.equalsIgnoreCase("false")) return false;
		throw new IllegalArgumentException(s);
	}

	private String choose(String s) {
		for (String c : choices)
			if (c.equalsIgnoreCase(s)) return c;
		throw new IllegalArgumentException(s);
	}

	private boolean allows(T value) {
		if (value instanceof Integer i) return bounds.contains(i) && (choices.isEmpty() || choices.contains(String
			.valueOf(i)));
		if (value instanceof Double d) return bounds.contains(d);
		if (value instanceof double[] a) return a.length > 0 && Arrays.stream(a).allMatch(bounds::contains);
		if (value instanceof int[] a) return (a.length == 1 || a.length == 3) && Arrays.stream(a).allMatch(
			bounds::contains);
		return true;
	}

	private BadInputException wrong(String text) {
		String allowed = kind == Kind.SIZES && !text.contains(",") ? integer() : allowed();
		return new BadInputException(key + " must be " + allowed + ", got " + (text.isBlank() ? "nothing" : text));
	}

	/** What an integer setting allows, in words. */
	private String integer() {
		return bounds.isPositive(true) ? "a positive integer" : "an integer" + bounds.describe();
	}

	/** What the setting allows, in words after "must be": "a number in [0, 1)", "one of adam, sgd". */
	public String allowed() {
		return switch (kind) {
			case INT -> !choices.isEmpty() ? "one of " + String.join(", ", choices) : integer();
			case SIZES -> integer() + ", or three (z,y,x) each" + (bounds.describe().isEmpty() ? " an integer" : bounds
				.describe());
			case NUMBER -> bounds.isPositive(false) ? "a positive number" : "a number" + bounds.describe();
			case BOOL -> "true or false";
			case CHOICE -> "one of " + String.join(", ", choices);
			case TEXT -> "text";
			case PATH -> "a file or folder";
			case NUMBERS -> "comma-separated numbers" + (bounds.describe().isEmpty() ? "" : ", each" + bounds
				.describe());
		};
	}

	/** {@code value} as text that {@link #parse} reads back. */
	public String format(T value) {
		return formatValue(value);
	}

	/** The default as text: "" for a required setting, with its dependent default in brackets. */
	public String defaultText() {
		String text = defaultValue == null ? "" : formatValue(defaultValue);
		if (dependentDefault == null) return text;
		return text + " (" + formatValue(dependentDefault.value()) + " with " + dependentDefault.on().key() + "="
			+ dependentDefault.when() + ")";
	}

	private static String formatValue(Object value) {
		if (value instanceof Double d) return formatNumber(d);
		if (value instanceof double[] a) return Arrays.stream(a).mapToObj(Setting::formatNumber).collect(Collectors
			.joining(","));
		if (value instanceof int[] a) return Arrays.stream(a).mapToObj(String::valueOf).collect(Collectors.joining(
			","));
		return value == null ? "" : String.valueOf(value);
	}

	/** A number without a trailing ".0" or exponent: 2000, 0.5, 0.00001. */
	static String formatNumber(double d) {
		return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
	}

	/** Values given as declarations to typed values, as the key-to-text map that requests are built from. */
	public static Map<String, String> asText(Map<Setting<?>, ?> values) {
		Map<String, String> text = new LinkedHashMap<>();
		values.forEach((s, v) -> text.put(s.key(), v instanceof Double || v instanceof int[] || v instanceof double[]
			? formatValue(v) : String.valueOf(v)));
		return text;
	}

	/** One help line: {@code key=default  description (allowed)}. */
	public String helpLine() {
		return key + "=" + (required() ? "<required>" : defaultText()) + "  " + description + " (" + allowed()
			+ (unit.isEmpty() ? "" : "; unit: " + unit) + ")";
	}

	@Override
	public String toString() {
		return key;
	}
}
