package org.labelefficient.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A method that trains one U-Net by gradient descent on a loss of its training forward pass. */
abstract class SingleNetworkMethod implements TrainingMethod {

	/** The loss terms of one forward pass, by name; the total loss is their sum. */
	protected abstract Map<String, Operand<TFloat32>> lossTerms(MethodContext context, UNet.Forward forward);

	@Override
	public MethodGraph build(MethodContext context) {
		Ops tf = context.tf();
		UNet net = new UNet(context.network(), new ParameterSet(tf, "student"));
		UNet.Forward forward = net.forward(tf, context.inputs().images, true, context.inputs().seed);
		Map<String, Operand<TFloat32>> terms = lossTerms(context, forward);
		Operand<TFloat32> loss = tf.constant(0f);
		for (Operand<TFloat32> term : terms.values())
			loss = tf.math.add(loss, term);
		Optimizer optimizer = context.optimizers().create(tf, "optimizer");
		Op update = optimizer.minimize(tf, context.graph(), loss, net.weights().trainableVariables(), context
			.inputs().learningRate, context.inputs().step);
		List<Op> all = new ArrayList<>(forward.statisticUpdates());
		all.add(update);
		return new MethodGraph(tf.withControlDependencies(all).noOp(), loss, terms, net, List.of(net.weights(),
			optimizer.state()));
	}
}
