package org.labelefficient.method;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.train.TrainingListener;

/** A listener for tests that keeps a training's log lines and picks out those naming its phases. */
final class PhaseLog implements TrainingListener {

	private final List<String> lines = new ArrayList<>();

	@Override
	public void log(String message) {
		lines.add(message);
	}

	/** Forgets the lines so far. */
	void clear() {
		lines.clear();
	}

	/** The phase lines ({@code Iterations a-b: ...}, {@code From iteration n: ...}), each cut after the short name. */
	List<String> phaseLines() {
		return lines.stream().filter(l -> l.startsWith("Iterations ") || l.startsWith("From iteration ")).map(l -> l
			.replaceAll("^(.*?: (ACTION stage [iv]+|teacher pre-training|reciprocal learning)).*", "$1")).toList();
	}
}
