package org.labelefficient.method;

import java.nio.file.Path;
import java.util.List;

import org.labelefficient.nn.ParameterSet;

/**
 * Variable sets that a fresh run loads, by variable name, from the training checkpoint of model folder
 * {@code model} after initialisation and before its first iteration (a later training stage starting from an
 * earlier stage's model). A resumed run restores its own checkpoint instead.
 */
public record InheritedWeights(Path model, List<ParameterSet> sets) {

	/** Copies the list. */
	public InheritedWeights {
		sets = List.copyOf(sets);
	}
}
