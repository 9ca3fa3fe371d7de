package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Stochastic gradient descent with momentum, optional Nesterov momentum and L2 weight decay, following PyTorch's
 * {@code SGD}: {@code b = mu b + g}; the step is {@code lr b}, or {@code lr (g + mu b)} with Nesterov.
 */
public final class Sgd implements Optimizer {

	private final ParameterSet state;
	private final float momentum;
	private final boolean nesterov;
	private final float weightDecay;

	/** An SGD whose momentum buffers are variables named {@code prefix_...}. */
	public Sgd(Ops tf, String prefix, float momentum, boolean nesterov, float weightDecay) {
		this.state = new ParameterSet(tf, prefix);
		this.momentum = momentum;
		this.nesterov = nesterov;
		this.weightDecay = weightDecay;
	}

	@Override
	public Update update(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients,
		Operand<TFloat32> learningRate, Operand<TFloat32> step) {
		List<Op> updates = new ArrayList<>();
		List<Operand<TFloat32>> steps = new ArrayList<>();
		for (int i = 0; i < variables.size(); i++) {
			Variable<TFloat32> v = variables.get(i);
			Operand<TFloat32> g = gradients.get(i);
			if (weightDecay > 0) g = tf.math.add(g, tf.math.mul(tf.constant(weightDecay), v));
			Operand<TFloat32> direction = g;
			if (momentum > 0) {
				Variable<TFloat32> b = state.state("v" + i + "_momentum", Init.ZEROS, v.shape().asArray());
				Operand<TFloat32> b1 = tf.assign(b, tf.math.add(tf.math.mul(tf.constant(momentum), b), g));
				direction = nesterov ? tf.math.add(g, tf.math.mul(tf.constant(momentum), b1)) : b1;
			}
			Operand<TFloat32> delta = tf.math.mul(learningRate, direction);
			steps.add(delta);
			updates.add(tf.assignSub(v, delta));
		}
		return new Update(tf.withControlDependencies(updates).noOp(), steps);
	}

	@Override
	public ParameterSet state() {
		return state;
	}
}
