package org.labelefficient.method;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * A method's training graph: its phases (each an op that performs one iteration, the total loss and its named terms
 * for the log, and the training progress from which it runs), the network whose weights become the model, every
 * variable set (initialised and checkpointed by the loop), optionally weights that a fresh run takes from another
 * model's checkpoint before its first iteration, and the U-Nets (student first, then any teacher) that a warm start
 * ({@code init_model}) sets to the weights of the model it starts from.
 */
public record MethodGraph(List<Phase> phases, UNet predictor, List<ParameterSet> variables, InheritedWeights inherited,
	List<ParameterSet> networks) {

	/**
	 * One phase of training: {@code step} runs one iteration while the progress (iteration / iterations) is at least
	 * {@code start} and below the next phase's start. {@code name} says what it trains, for the log of a method with
	 * several phases. {@code cost} is its time per iteration in supervised steps of the same network (measured,
	 * BENCHMARKS.md "Phase costs"), so that the time left counts a costlier later phase before it runs; only the
	 * ratios between a graph's phases matter.
	 */
	public record Phase(double start, Op step, Operand<TFloat32> loss, Map<String, Operand<TFloat32>> terms,
		String name, double cost) {

		/** Checks that the cost is positive. */
		public Phase {
			if (!(cost > 0)) throw new IllegalArgumentException("A phase's cost must be positive, got " + cost);
		}

		/** The only phase of a method: training, at one supervised step's cost per iteration. */
		public Phase(double start, Op step, Operand<TFloat32> loss, Map<String, Operand<TFloat32>> terms) {
			this(start, step, loss, terms, "training", 1);
		}

		/**
		 * The first (0-based) of {@code iterations} iterations at which this phase has started: the first whose
		 * progress, {@code (double) iteration / iterations} as the loop computes it, is at least {@code start}.
		 */
		public int firstIteration(int iterations) {
			int first = (int) Math.ceil(start * iterations);
			while (first > 0 && (double) (first - 1) / iterations >= start)
				first--;
			while ((double) first / iterations < start)
				first++;
			return first;
		}
	}

	/** Validates the phases: at least one, the first from progress 0, starts increasing. */
	public MethodGraph {
		if (phases.isEmpty() || phases.get(0).start() != 0) throw new IllegalArgumentException(
			"The first phase must start at progress 0");
		for (int i = 1; i < phases.size(); i++)
			if (phases.get(i).start() < phases.get(i - 1).start()) throw new IllegalArgumentException(
				"Phases must be in order of their start");
		phases = List.copyOf(phases);
		variables = List.copyOf(variables);
		networks = List.copyOf(networks);
	}

	/** A graph whose only network is its predictor. */
	public MethodGraph(List<Phase> phases, UNet predictor, List<ParameterSet> variables, InheritedWeights inherited) {
		this(phases, predictor, variables, inherited, List.of(predictor.weights()));
	}

	/** A graph with a single phase and no inherited weights. */
	public MethodGraph(Op step, Operand<TFloat32> loss, Map<String, Operand<TFloat32>> terms, UNet predictor,
		List<ParameterSet> variables) {
		this(List.of(new Phase(0, step, loss, terms)), predictor, variables, null);
	}

	/** The same graph with the given U-Nets as the ones a warm start sets (student first). */
	public MethodGraph withNetworks(UNet... nets) {
		return new MethodGraph(phases, predictor, variables, inherited, Arrays.stream(nets).map(UNet::weights)
			.toList());
	}

	/** The phase that runs at training progress {@code progress} in [0, 1]. */
	public Phase phaseAt(double progress) {
		Phase current = phases.get(0);
		for (Phase p : phases)
			if (p.start() <= progress) current = p;
		return current;
	}
}
