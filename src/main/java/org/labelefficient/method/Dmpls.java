package org.labelefficient.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * DMPLS (Luo et al., MICCAI 2022), as in PyMIC and WSL4MIS: a U-Net with two decoders sharing the encoder, both
 * trained by partial cross-entropy on the scribbles, and both supervised by a dynamically mixed pseudo-label, the
 * argmax of {@code beta p1 + (1 - beta) p2} with {@code beta ~ U(0, 1)} drawn each iteration, through a Dice loss.
 * The prediction is the mean of the two decoders' logits (PyMIC's "average" output mode).
 */
public final class Dmpls extends SingleNetworkMethod {

	private static final Setting<Double> PSEUDO_WEIGHT = Setting.number("pseudo_weight", 0.5,
		"weight of the pseudo-label Dice loss (0.5 as in the paper and WSL4MIS)").atLeast(0);

	@Override
	public String id() {
		return "dmpls";
	}

	@Override
	public boolean volumetric() {
		return true;
	}

	@Override
	public String summary() {
		return "scribbles: dual-decoder U-Net with dynamically mixed pseudo-labels (DMPLS)";
	}

	@Override
	public int decoders() {
		return 2;
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return new BatchPlan(batchSize, 0, BatchPlan.LabelKind.SCRIBBLE);
	}

	@Override
	public List<Setting<?>> settings() {
		return List.of(PSEUDO_WEIGHT, RampSettings.START.withDefault(0.0,
			"ramp-up start (fraction of iterations); start = end: no ramp, as in the paper"), RampSettings.END
				.withDefault(0.0, "ramp-up end (fraction of iterations)"));
	}

	@Override
	protected Map<String, Operand<TFloat32>> lossTerms(MethodContext c, UNet.Forward forward) {
		Ops tf = c.tf();
		int k = c.network().numClasses();
		Operand<TFloat32> b1 = forward.branchLogits().get(0), b2 = forward.branchLogits().get(1);
		Operand<TFloat32> half = tf.constant(0.5f);
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("pce", tf.math.mul(half, tf.math.add(Losses.partialCrossEntropy(tf, b1, c.inputs().labels, k), Losses
			.partialCrossEntropy(tf, b2, c.inputs().labels, k))));
		Operand<TInt32> pseudo = mixedPseudoLabels(tf, b1, b2, c);
		Operand<TFloat32> dice = tf.math.mul(half, tf.math.add(Losses.diceLoss(tf, b1, pseudo, k), Losses.diceLoss(tf,
			b2, pseudo, k)));
		Operand<TFloat32> weight = tf.math.mul(tf.constant(c.settings().real(PSEUDO_WEIGHT)), RampSettings.ramp(c));
		terms.put("pseudo", tf.math.mul(weight, dice));
		return terms;
	}

	/** argmax of beta softmax(b1) + (1 - beta) softmax(b2), beta uniform from the iteration's seed; no gradient. */
	static Operand<TInt32> mixedPseudoLabels(Ops tf, Operand<TFloat32> b1, Operand<TFloat32> b2, MethodContext c) {
		Operand<TFloat32> beta = tf.random.statelessRandomUniform(tf.constant(Shape.scalar().asArray()), tf.math.add(c
			.inputs().seed, tf.constant(new long[] { 0, 4099 })), TFloat32.class);
		Operand<TFloat32> mixed = tf.math.add(tf.math.mul(beta, tf.nn.softmax(b1)), tf.math.mul(tf.math.sub(tf.constant(
			1f), beta), tf.nn.softmax(b2)));
		return tf.stopGradient(tf.math.argMax(tf.stopGradient(mixed), tf.constant(-1), TInt32.class));
	}
}
