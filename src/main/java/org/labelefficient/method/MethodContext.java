package org.labelefficient.method;

import java.nio.file.Path;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.UNet;
import org.labelefficient.nn.UNetConfig;
import org.labelefficient.setting.SettingValues;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * What a method needs to build its training graph.
 *
 * @param plan the composition of the batches fed ({@code null} when unknown: then no pass separates the labelled
 *        samples from the unlabelled ones)
 * @param initModel the model folder whose weights a warm start begins with ({@code init_model}), or {@code null}
 */
public record MethodContext(Graph graph, Ops tf, TrainingInputs inputs, UNetConfig network,
	OptimizerFactory optimizers, SettingValues settings, BatchPlan plan, Path initModel) {

	/** A context for a run from freshly initialised weights. */
	public MethodContext(Graph graph, Ops tf, TrainingInputs inputs, UNetConfig network, OptimizerFactory optimizers,
		SettingValues settings, BatchPlan plan) {
		this(graph, tf, inputs, network, optimizers, settings, plan, null);
	}

	/**
	 * Whether the run starts from a trained model ({@code init_model}): its networks already know the labelled data,
	 * so a method skips the stages that only (re-)learn it.
	 */
	public boolean warmStart() {
		return initModel != null;
	}

	/** A context whose batch composition is unknown. */
	public MethodContext(Graph graph, Ops tf, TrainingInputs inputs, UNetConfig network, OptimizerFactory optimizers,
		SettingValues settings) {
		this(graph, tf, inputs, network, optimizers, settings, null);
	}

	/** Makes an optimiser with the run's settings whose state variables are prefixed {@code prefix}. */
	public interface OptimizerFactory {
		Optimizer create(Ops tf, String prefix);
	}

	/**
	 * A training-mode pass of {@code net} over a batch of the plan's composition: when it mixes labelled and
	 * unlabelled samples, the two groups are batch-normalised separately ({@link UNet#forwardInGroups}), so that the
	 * network cannot use the unlabelled samples, on which nothing but a regulariser constrains its output, to
	 * normalise the labelled ones (with one labelled case, mixing them made Mean Teacher's student fall from 0.94 to
	 * 0.45 validation Dice on the synthetic volumes, docs/methods.md).
	 */
	public UNet.Forward trainingPass(UNet net, Ops ops, Operand<TFloat32> images, Operand<TInt64> seed) {
		if (plan == null || plan.unlabelled() == 0 || plan.labelled() == 0) return net.forward(ops, images, true, seed);
		return net.forwardInGroups(ops, images, plan.labelled(), seed);
	}
}
