package org.labelefficient.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Training requests for tests, written as command-line {@code key=value} words. */
public final class Requests {

	private Requests() {}

	/** The request of {@code words}, with {@code options} (method settings, for instance) added. */
	public static TrainingRequest of(Map<String, String> options, String... words) {
		Map<String, String> all = new LinkedHashMap<>(options);
		all.putAll(words(words));
		return TrainingRequest.of(all);
	}

	/** The request of {@code words}. */
	public static TrainingRequest of(String... words) {
		return of(Map.of(), words);
	}

	/** {@code key=value} words as a map. */
	public static Map<String, String> words(String... words) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String w : words)
			map.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
		return map;
	}
}
