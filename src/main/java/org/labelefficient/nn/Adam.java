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
 * Adam (Kingma and Ba 2015) with bias correction and optional L2 weight decay added to the gradient (as PyTorch's
 * {@code Adam(weight_decay=...)}).
 */
public final class Adam implements Optimizer {

	private final ParameterSet state;
	private final float beta1;
	private final float beta2;
	private final float epsilon;
	private final float weightDecay;

	/** An Adam whose moments are variables named {@code prefix_...}. */
	public Adam(Ops tf, String prefix, float beta1, float beta2, float epsilon, float weightDecay) {
		this.state = new ParameterSet(tf, prefix);
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.epsilon = epsilon;
		this.weightDecay = weightDecay;
	}

	/** Adam with the usual betas (0.9, 0.999) and epsilon 1e-8. */
	public Adam(Ops tf, String prefix, float weightDecay) {
		this(tf, prefix, 0.9f, 0.999f, 1e-8f, weightDecay);
	}

	@Override
	public Update update(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients,
		Operand<TFloat32> learningRate, Operand<TFloat32> step) {
		Operand<TFloat32> correction = tf.math.div(tf.math.sqrt(tf.math.sub(tf.constant(1f), tf.math.pow(tf
			.constant(beta2), step))), tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(beta1), step)));
		Operand<TFloat32> rate = tf.math.mul(learningRate, correction);
		List<Op> updates = new ArrayList<>();
		List<Operand<TFloat32>> steps = new ArrayList<>();
		for (int i = 0; i < variables.size(); i++) {
			Variable<TFloat32> v = variables.get(i);
			long[] shape = v.shape().asArray();
			String name = "v" + i;
			Variable<TFloat32> m = state.state(name + "_m", Init.ZEROS, shape);
			Variable<TFloat32> s = state.state(name + "_s", Init.ZEROS, shape);
			Operand<TFloat32> g = gradients.get(i);
			if (weightDecay > 0) g = tf.math.add(g, tf.math.mul(tf.constant(weightDecay), v));
			Operand<TFloat32> m1 = tf.assign(m, tf.math.add(tf.math.mul(tf.constant(beta1), m), tf.math.mul(tf
				.constant(1 - beta1), g)));
			Operand<TFloat32> s1 = tf.assign(s, tf.math.add(tf.math.mul(tf.constant(beta2), s), tf.math.mul(tf
				.constant(1 - beta2), tf.math.square(g))));
			Operand<TFloat32> delta = tf.math.div(tf.math.mul(rate, m1), tf.math.add(tf.math.sqrt(s1), tf.constant(
				epsilon)));
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
