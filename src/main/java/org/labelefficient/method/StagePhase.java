package org.labelefficient.method;

import org.labelefficient.nn.ParameterSet;

/** One ACTION stage built into the graph: its training phase and its optimiser's state. */
record StagePhase(MethodGraph.Phase phase, ParameterSet optimizerState) {}
