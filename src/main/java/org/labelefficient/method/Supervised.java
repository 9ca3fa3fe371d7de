package org.labelefficient.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Fully supervised training on dense labels: {@code w_ce CE + w_dice Dice} (both 0.5 by default, as in SSL4MIS and
 * ACTION). The upper bound for the label-efficient methods, or the labelled-only baseline.
 */
public final class Supervised extends SingleNetworkMethod {

	private static final Setting<Double> CE_WEIGHT = Setting.number("ce_weight", 0.5,
		"weight of the cross-entropy term").atLeast(0);
	private static final Setting<Double> DICE_WEIGHT = Setting.number("dice_weight", 0.5,
		"weight of the soft Dice term").atLeast(0);

	@Override
	public String id() {
		return "supervised";
	}

	@Override
	public boolean volumetric() {
		return true;
	}

	@Override
	public String summary() {
		return "dense labels: cross-entropy + Dice";
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return new BatchPlan(batchSize, 0, BatchPlan.LabelKind.DENSE);
	}

	@Override
	public List<Setting<?>> settings() {
		return List.of(CE_WEIGHT, DICE_WEIGHT);
	}

	@Override
	protected Map<String, Operand<TFloat32>> lossTerms(MethodContext context, UNet.Forward forward) {
		Ops tf = context.tf();
		int k = context.network().numClasses();
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("ce", tf.math.mul(tf.constant(context.settings().real(CE_WEIGHT)), Losses.crossEntropy(tf, forward
			.logits(), context.inputs().labels, k)));
		terms.put("dice", tf.math.mul(tf.constant(context.settings().real(DICE_WEIGHT)), Losses.diceLoss(tf, forward
			.logits(), context.inputs().labels, k)));
		return terms;
	}
}
