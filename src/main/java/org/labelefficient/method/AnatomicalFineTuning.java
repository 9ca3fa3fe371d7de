package org.labelefficient.method;

import static org.labelefficient.method.ActionSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.method.ActionPlan.Stage;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.nn.AnatomicalContrast;
import org.labelefficient.nn.Batches;
import org.labelefficient.nn.CutMix;
import org.labelefficient.nn.IntensityAugment;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * ACTION's stage iii, anatomical-aware fine-tuning. Each step first moves the teacher towards the student (EMA whose
 * warm-up restarts with the stage, so the teacher starts as a copy of the pre-trained student); the teacher labels
 * the unlabelled samples (argmax, with its confidence); the unlabelled images, pseudo-labels and confidences are
 * CutMixed alike and the images then intensity-augmented; the student sees the labelled samples as they are and the
 * mixed ones. Loss: 0.5 (CE + Dice) on the labelled samples; the pseudo-label cross-entropy on the unlabelled pixels,
 * each image weighted by its share of pixels with confidence at least {@code strong_threshold}; and the anatomical
 * contrast on the representation head's output, with ground truth where labelled and pseudo-labels of confidence at
 * least {@code weak_threshold} elsewhere.
 */
final class AnatomicalFineTuning {

	private AnatomicalFineTuning() {}

	static StagePhase build(MethodContext c, ActionModel m, double start) {
		Ops tf = c.tf();
		SettingValues s = c.settings();
		int k = c.network().numClasses(), patch = (int) c.inputs().images.shape().get(1);
		Op ema = TeacherSettings.ema(c, tf, m.teacher, m.student, m.stepIn(tf, Stage.III));
		Ops after = tf.withControlDependencies(List.of(ema));
		Operand<TInt32> labels = c.inputs().labels;
		Operand<TFloat32> unlabelled = Batches.unlabelled(tf, labels);
		UNet.Forward tfw = TeacherSettings.forward(c, after, m.teacher, c.inputs().images);
		Operand<TFloat32> teacher = tf.stopGradient(tf.nn.softmax(tfw.logits()));
		Operand<TFloat32> confidence = tf.max(teacher, tf.constant(-1));
		Operand<TInt32> pseudo = onUnlabelled(tf, tf.math.argMax(teacher, tf.constant(-1), TInt32.class), unlabelled);
		CutMix.Mixing mixing = CutMix.draw(tf, unlabelled, patch, patch, s.get(CUTMIX_AREA), seed(tf, c, 4001));
		Operand<TFloat32> mixed = CutMix.mix(tf, mixing, c.inputs().images);
		Operand<TInt32> mixedPseudo = CutMix.mixLabels(tf, mixing, pseudo);
		Operand<TFloat32> mixedConfidence = CutMix.mix(tf, mixing, confidence);
		Operand<TFloat32> augmented = IntensityAugment.apply(tf, mixed, s.real(AUGMENT_STRENGTH), s.real(AUGMENT_PROBABILITY), seed(tf, c, 4002));
		Operand<TFloat32> input = tf.math.add(mixed, tf.math.mul(tf.reshape(unlabelled, tf.constant(new int[] { -1, 1,
			1, 1 })), tf.math.sub(augmented, mixed)));
		UNet.Forward sf = c.trainingPass(m.student, after, input, c.inputs().seed);
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("ce", tf.math.mul(tf.constant(0.5f), Losses.crossEntropy(tf, sf.logits(), labels, k)));
		terms.put("dice", tf.math.mul(tf.constant(0.5f), Losses.diceLoss(tf, sf.logits(), labels, k)));
		terms.put("pseudo", tf.math.mul(tf.constant(s.real(UNSUPERVISED_WEIGHT)), pseudoLabelLoss(tf, sf.logits(),
			mixedPseudo, mixedConfidence, unlabelled, k, s.real(STRONG_THRESHOLD))));
		Operand<TInt32> classes = contrastClasses(tf, labels, mixedPseudo, mixedConfidence, s.real(WEAK_THRESHOLD));
		AnatomicalContrast.Sampling sampling = new AnatomicalContrast.Sampling(s.get(ANCO_QUERIES),
			s.get(ANCO_NEGATIVES), s.real(ANCO_TEMPERATURE), s.real(STRONG_THRESHOLD));
		Operand<TFloat32> anco = AnatomicalContrast.loss(tf, m.representation.apply(tf, sf.decoderFeatures()),
			m.representation.classesOnGrid(tf, classes), m.representation.probabilitiesOnGrid(tf, tf.nn.softmax(sf
				.logits())), k, sampling, seed(tf, c, 4003));
		terms.put("anco", tf.math.mul(tf.constant(s.real(ANCO_WEIGHT)), anco));
		List<Op> statistics = new ArrayList<>(sf.statisticUpdates());
		statistics.addAll(tfw.statisticUpdates());
		return step(c, m, start, terms, statistics);
	}

	/**
	 * Mean over the unlabelled pixels of {@code w_b CE(student, pseudo-label)}, {@code w_b} the share of image b's
	 * pixels whose (mixed) teacher confidence reaches {@code threshold}.
	 */
	static Operand<TFloat32> pseudoLabelLoss(Ops tf, Operand<TFloat32> logits, Operand<TInt32> pseudo,
		Operand<TFloat32> confidence, Operand<TFloat32> unlabelled, int k, float threshold) {
		Operand<TFloat32> confident = tf.dtypes.cast(tf.math.greaterEqual(confidence, tf.constant(threshold)),
			TFloat32.class);
		Operand<TFloat32> pixels = tf.math.mul(tf.reshape(unlabelled, tf.constant(new int[] { -1, 1, 1 })), tf
			.onesLike(confidence));
		Operand<TFloat32> share = tf.math.mean(confident, tf.constant(new int[] { 1, 2 }),
			org.tensorflow.op.math.Mean.keepDims(true));
		Operand<TFloat32> weight = tf.stopGradient(tf.reshape(tf.math.mul(share, pixels), tf.constant(new int[] {
			-1 })));
		Operand<TFloat32> ce = Losses.pixelCrossEntropy(tf, logits, Losses.oneHot(tf, pseudo, k), k);
		return tf.math.div(Losses.sumAll(tf, tf.math.mul(ce, weight)), tf.math.maximum(Losses.sumAll(tf, pixels), tf
			.constant(1f)));
	}

	/** Ground truth where labelled; elsewhere the pseudo-label where its confidence reaches {@code threshold}; else -1. */
	static Operand<TInt32> contrastClasses(Ops tf, Operand<TInt32> labels, Operand<TInt32> pseudo,
		Operand<TFloat32> confidence, float threshold) {
		Operand<TInt32> none = tf.fill(tf.shape(labels), tf.constant(-1));
		Operand<TInt32> trusted = tf.select(tf.math.logicalAnd(tf.math.greaterEqual(confidence, tf.constant(threshold)),
			tf.math.greaterEqual(pseudo, tf.constant(0))), pseudo, none);
		return tf.stopGradient(tf.select(tf.math.greaterEqual(labels, tf.constant(0)), labels, trusted));
	}

	/** {@code values} on unlabelled samples, -1 on the others. */
	private static Operand<TInt32> onUnlabelled(Ops tf, Operand<TInt32> values, Operand<TFloat32> unlabelled) {
		Operand<TFloat32> mask = tf.math.mul(tf.reshape(unlabelled, tf.constant(new int[] { -1, 1, 1 })), tf.onesLike(tf
			.dtypes.cast(values, TFloat32.class)));
		return tf.stopGradient(tf.select(tf.math.greater(mask, tf.constant(0f)), values, tf.fill(tf.shape(values), tf
			.constant(-1))));
	}

	private static StagePhase step(MethodContext c, ActionModel m, double start, Map<String, Operand<TFloat32>> terms,
		List<Op> statistics) {
		Ops tf = c.tf();
		Operand<TFloat32> loss = tf.constant(0f);
		for (Operand<TFloat32> t : terms.values())
			loss = tf.math.add(loss, t);
		List<Variable<TFloat32>> trained = new ArrayList<>(m.student.weights().trainableVariables());
		trained.addAll(m.representation.weights().trainableVariables());
		Optimizer optimizer = c.optimizers().create(tf, "optimizer_" + Stage.III.key);
		List<Op> first = new ArrayList<>(statistics);
		first.add(optimizer.minimize(tf, c.graph(), loss, trained, c.inputs().learningRate, m.stepIn(tf, Stage.III)));
		Op count = tf.withControlDependencies(first).assignAdd(m.counter(Stage.III), tf.constant(1f));
		return new StagePhase(new MethodGraph.Phase(start, tf.withControlDependencies(List.of(count)).noOp(), loss,
			terms, Stage.III.name, Stage.III.cost), optimizer.state());
	}

	private static Operand<TInt64> seed(Ops tf, MethodContext c, long salt) {
		return tf.math.add(c.inputs().seed, tf.constant(new long[] { 0, salt }));
	}
}
