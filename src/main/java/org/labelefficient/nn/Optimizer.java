package org.labelefficient.nn;

import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A gradient-descent rule built into the graph. The learning rate and the 1-based step number are fed each
 * iteration, so schedules live in Java and a resumed run continues exactly. Its state (moments) lives in a
 * {@link ParameterSet}, so that it is checkpointed with the weights. Every update waits for all gradients, which makes
 * a step deterministic.
 */
public interface Optimizer {

	/**
	 * Builds the update of {@code variables} that lowers {@code loss}. Gradients are taken with respect to these
	 * variables only (other variables of the graph, such as a teacher's, are left alone).
	 */
	default Op minimize(Ops tf, Graph graph, Operand<TFloat32> loss, List<Variable<TFloat32>> variables,
		Operand<TFloat32> learningRate, Operand<TFloat32> step) {
		Output<?>[] xs = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
		Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);
		return applyGradients(tf, variables, Gradients.of(tf, grads), learningRate, step);
	}

	/** Builds the update of {@code variables} from given gradients (one per variable, same order). */
	default Op applyGradients(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients,
		Operand<TFloat32> learningRate, Operand<TFloat32> step) {
		return update(tf, variables, gradients, learningRate, step).op();
	}

	/**
	 * Builds the update of {@code variables} from given gradients, and the change it subtracts from each variable
	 * (for rules that need the step actually taken, such as Reciprocal Learning's feedback under Adam).
	 */
	Update update(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients,
		Operand<TFloat32> learningRate, Operand<TFloat32> step);

	/** The optimiser's own variables (moments), to be initialised and checkpointed. */
	ParameterSet state();

	/**
	 * An update and its steps.
	 *
	 * @param op runs the update
	 * @param steps per variable, what the update subtracts from it ({@code new = old - step})
	 */
	record Update(Op op, List<Operand<TFloat32>> steps) {}
}
