package org.labelefficient.method;

import java.util.List;
import java.util.Map;

import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * A method's training graph: the op that performs one iteration, the total loss and its named terms (for the log),
 * the network whose weights become the model, and every variable set (initialised and checkpointed by the loop).
 */
public record MethodGraph(Op step, Operand<TFloat32> loss, Map<String, Operand<TFloat32>> terms, UNet predictor,
	List<ParameterSet> variables) {}
