package org.labelefficient.bridge;

import java.util.Map;
import java.util.stream.Collectors;

/** Options in ImageJ macro syntax, the text that crosses the {@link Engine} boundary. */
public final class MacroOptions {

	private MacroOptions() {}

	/** {@code key=[value] ...} for each entry, in order; brackets keep spaces in paths. */
	public static String of(Map<String, String> options) {
		return options.entrySet().stream().map(e -> e.getKey() + "=[" + e.getValue() + "]").collect(Collectors.joining(
			" "));
	}
}
