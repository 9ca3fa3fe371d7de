package org.labelefficient.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Fully supervised training on dense labels: {@code w_ce CE + w_dice Dice} (both 0.5 by default, as in SSL4MIS and
 * ACTION). The upper bound for the label-efficient methods, or the labelled-only baseline.
 */
public final class Supervised extends SingleNetworkMethod {

	@Override
	public String id() {
		return "supervised";
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
	public List<Setting> settings() {
		return List.of(new Setting("ce_weight", "0.5", "weight of the cross-entropy term"), new Setting("dice_weight",
			"0.5", "weight of the soft Dice term"));
	}

	@Override
	protected Map<String, Operand<TFloat32>> lossTerms(MethodContext context, UNet.Forward forward) {
		Ops tf = context.tf();
		int k = context.network().numClasses();
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("ce", tf.math.mul(tf.constant(context.settings().real("ce_weight")), Losses.crossEntropy(tf, forward
			.logits(), context.inputs().labels, k)));
		terms.put("dice", tf.math.mul(tf.constant(context.settings().real("dice_weight")), Losses.diceLoss(tf, forward
			.logits(), context.inputs().labels, k)));
		return terms;
	}
}
