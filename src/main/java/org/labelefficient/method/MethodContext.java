package org.labelefficient.method;

import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** What a method needs to build its training graph. */
public record MethodContext(Graph graph, Ops tf, TrainingInputs inputs, UNetConfig network,
	OptimizerFactory optimizers, MethodSettings settings) {

	/** Makes an optimiser with the run's settings whose state variables are prefixed {@code prefix}. */
	public interface OptimizerFactory {
		Optimizer create(Ops tf, String prefix);
	}
}
