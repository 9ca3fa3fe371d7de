package org.labelefficient.metrics;

import java.util.List;

/**
 * The per-class metrics of one case (one predicted volume against its reference).
 *
 * @param name the case name, as written in tables
 * @param classes metrics of each foreground class, by increasing label
 */
public record CaseMetrics(String name, List<ClassMetrics> classes) {

	/** Copies the class list. */
	public CaseMetrics {
		classes = List.copyOf(classes);
	}
}
