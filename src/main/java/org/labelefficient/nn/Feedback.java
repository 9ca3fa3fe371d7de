package org.labelefficient.nn;

import java.util.List;
import java.util.function.Function;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Reciprocal Learning's feedback in one graph run: the student steps on its pseudo-label loss (gradient {@code g_u}
 * at the old weights), then the gradient {@code g_l} of its labelled loss is taken at the new weights, and the
 * feedback scalar is {@code h = lr <g_l, g_u>} over all student parameters (the paper's one-step approximation, exact
 * for plain gradient descent), or, with {@link Scalar#STEP}, {@code h = <g_l, step>} with the step the optimiser
 * actually took (the first-order drop of the labelled loss that the step caused, whatever the optimiser). Nothing is
 * copied to Java.
 *
 * @param update the student's step
 * @param feedback the scalar h
 */
public record Feedback(Op update, Operand<TFloat32> feedback) {

	/** How h measures the student's step. */
	public enum Scalar {
		/** {@code lr <g_l, g_u>}: the paper's formula, which assumes the step {@code lr g_u} of plain SGD. */
		GRADIENT,
		/**
		 * {@code <g_l, step>}: the step taken; equal to GRADIENT under plain SGD, and under Adam (whose step is about
		 * {@code lr} per weight whatever the gradient's size) not vanishing with small gradients as GRADIENT does.
		 */
		STEP
	}

	/**
	 * Builds the student step and the feedback scalar.
	 *
	 * @param pseudoLoss the student's loss on pseudo-labels, built on the current weights
	 * @param labelledLossAfter builds the student's labelled loss with the given ops, whose control dependencies make
	 *          every read of the weights happen after the step
	 */
	public static Feedback build(Ops tf, Graph graph, Operand<TFloat32> pseudoLoss,
		Function<Ops, Operand<TFloat32>> labelledLossAfter, List<Variable<TFloat32>> student, Optimizer optimizer,
		Operand<TFloat32> learningRate, Operand<TFloat32> step, Scalar scalar) {
		List<Operand<TFloat32>> before = Gradients.of(tf, graph.addGradients(pseudoLoss.asOutput(), outputs(student)));
		Optimizer.Update update = optimizer.update(tf, student, before, learningRate, step);
		Operand<TFloat32> labelled = labelledLossAfter.apply(tf.withControlDependencies(List.of(update.op())));
		List<Operand<TFloat32>> after = Gradients.of(tf, graph.addGradients(labelled.asOutput(), outputs(student)));
		return new Feedback(update.op(), scalar == Scalar.STEP ? Gradients.dot(tf, after, update.steps()) : tf.math
			.mul(learningRate, Gradients.dot(tf, after, before)));
	}

	private static Output<?>[] outputs(List<Variable<TFloat32>> variables) {
		return variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
	}
}
