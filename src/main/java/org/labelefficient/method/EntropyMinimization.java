package org.labelefficient.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.Regularizers;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Scribble supervision with entropy minimisation (Grandvalet and Bengio 2005, as in PyMIC): partial cross-entropy
 * plus {@code w ramp(t)} times the normalised entropy of the predictions over all pixels.
 */
public final class EntropyMinimization extends SingleNetworkMethod {

	private static final Setting<Double> REGULARIZE_WEIGHT = Setting.number("regularize_weight", 0.1,
		"weight of the entropy term (PyMIC regularize_w)").atLeast(0);

	@Override
	public String id() {
		return "em";
	}

	@Override
	public boolean volumetric() {
		return true;
	}

	@Override
	public String summary() {
		return "scribbles: partial cross-entropy + entropy minimisation";
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return new BatchPlan(batchSize, 0, BatchPlan.LabelKind.SCRIBBLE);
	}

	@Override
	public List<Setting<?>> settings() {
		return List.of(REGULARIZE_WEIGHT, RampSettings.START, RampSettings.END);
	}

	@Override
	protected Map<String, Operand<TFloat32>> lossTerms(MethodContext context, UNet.Forward forward) {
		Ops tf = context.tf();
		int k = context.network().numClasses();
		Operand<TFloat32> weight = tf.math.mul(tf.constant(context.settings().real(REGULARIZE_WEIGHT)), RampSettings
			.ramp(context));
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("pce", Losses.partialCrossEntropy(tf, forward.logits(), context.inputs().labels, k));
		terms.put("entropy", tf.math.mul(weight, Regularizers.entropy(tf, forward.logits(), k)));
		return terms;
	}
}
