package org.labelefficient.method;

import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Scribble supervision with the partial cross-entropy only: the baseline every scribble method improves on. */
public final class PartialCrossEntropy extends SingleNetworkMethod {

	@Override
	public String id() {
		return "pce";
	}

	@Override
	public boolean volumetric() {
		return true;
	}

	@Override
	public String summary() {
		return "scribbles: partial cross-entropy on scribbled pixels";
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return new BatchPlan(batchSize, 0, BatchPlan.LabelKind.SCRIBBLE);
	}

	@Override
	public List<Setting<?>> settings() {
		return List.of();
	}

	@Override
	protected Map<String, Operand<TFloat32>> lossTerms(MethodContext context, UNet.Forward forward) {
		return Map.of("pce", Losses.partialCrossEntropy(context.tf(), forward.logits(), context.inputs().labels,
			context.network().numClasses()));
	}
}
