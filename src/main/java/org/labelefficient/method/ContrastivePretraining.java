package org.labelefficient.method;

import static org.labelefficient.method.ActionSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.method.ActionPlan.Stage;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.nn.Ema;
import org.labelefficient.nn.IntensityAugment;
import org.labelefficient.nn.LinearHead;
import org.labelefficient.nn.LocalPatches;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.SoftNegativeDistillation;
import org.labelefficient.nn.UNet;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * ACTION's stages i and ii: contrastive distillation with soft-labelled negatives. The teacher (the EMA of the
 * student, updated first in each step) sees the batch, the student a strongly augmented view of it. Stage i: the
 * global embeddings of the bottleneck (average pooling, linear head; the student's also through a linear predictor)
 * are distilled against the memory of past teacher embeddings; only the encoder and the heads learn. Stage ii adds
 * the same distillation on the local windows of the output logits against a memory of past teacher windows (window by
 * window), and 0.5 (CE + Dice) on the labelled samples; the whole student learns. Each step ends by pushing the
 * teacher's embeddings into the memories.
 */
final class ContrastivePretraining {

	private ContrastivePretraining() {}

	static StagePhase build(MethodContext c, ActionModel m, Stage stage, double start) {
		Ops tf = c.tf();
		SettingValues s = c.settings();
		boolean local = stage == Stage.II;
		Ops after = tf.withControlDependencies(List.of(teacherUpdate(tf, c, m, local)));
		Operand<TFloat32> view = IntensityAugment.apply(tf, c.inputs().images, s.real(AUGMENT_STRENGTH), s.real(AUGMENT_PROBABILITY), tf.math.add(c.inputs().seed, tf.constant(new long[] { 0, 3001 })));
		List<Op> statistics = new ArrayList<>();
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		Operand<TFloat32> studentBottleneck, teacherBottleneck;
		UNet.Forward sf = null, tfw = null;
		if (local) {
			sf = c.trainingPass(m.student, after, view, c.inputs().seed);
			tfw = TeacherSettings.forward(c, after, m.teacher, c.inputs().images);
			statistics.addAll(sf.statisticUpdates());
			statistics.addAll(tfw.statisticUpdates());
			studentBottleneck = sf.bottleneck();
			teacherBottleneck = tfw.bottleneck();
			int k = c.network().numClasses();
			terms.put("ce", tf.math.mul(tf.constant(0.5f), Losses.crossEntropy(tf, sf.logits(), c.inputs().labels, k)));
			terms.put("dice", tf.math.mul(tf.constant(0.5f), Losses.diceLoss(tf, sf.logits(), c.inputs().labels, k)));
		}
		else {
			UNet.Encoding se = m.student.encode(after, view, true, c.inputs().seed);
			statistics.addAll(se.statisticUpdates());
			studentBottleneck = se.bottleneck();
			UNet.Encoding te = TeacherSettings.encode(c, after, m.teacher, c.inputs().images);
			statistics.addAll(te.statisticUpdates());
			teacherBottleneck = te.bottleneck();
		}
		Operand<TFloat32> zs = m.globalPredictor.apply(tf, m.globalHead.apply(tf, pool(tf, studentBottleneck)));
		Operand<TFloat32> zt = tf.stopGradient(m.teacherGlobalHead.apply(after, pool(after, teacherBottleneck)));
		terms.put("global", tf.math.mul(tf.constant(s.real(GLOBAL_WEIGHT)), distill(tf, s, group(tf, zs), group(tf,
			zt), group(tf, m.globalQueue.entries()))));
		Operand<TFloat32> localKeys = null;
		if (local) {
			Operand<TFloat32> ls = windows(tf, m, sf.logits(), m.localHead, m.localPredictor, s);
			localKeys = tf.stopGradient(windows(after, m, tfw.logits(), m.teacherLocalHead, null, s));
			terms.put("local", tf.math.mul(tf.constant(s.real(LOCAL_WEIGHT)), distill(tf, s, byWindow(tf, ls),
				byWindow(tf, localKeys), byWindow(tf, m.localQueue.entries()))));
		}
		return step(c, m, stage, start, terms, statistics, zt, localKeys);
	}

	/**
	 * EMA of the student into the teacher, heads included, with warm-up counted over stages i and ii together (the
	 * local heads, new in stage ii, from its start). The student's forward pass waits for it, so that the EMA reads
	 * the batch-norm statistics before the pass updates them.
	 */
	private static Op teacherUpdate(Ops tf, MethodContext c, ActionModel m, boolean local) {
		Operand<TFloat32> emaStep = tf.math.add(tf.math.add(m.counter(Stage.I), m.counter(Stage.II)), tf.constant(1f));
		double decay = c.settings().get(TeacherSettings.EMA_DECAY);
		List<Op> updates = new ArrayList<>(List.of(TeacherSettings.ema(c, tf, m.teacher, m.student, emaStep), Ema
			.update(tf, m.teacherGlobalHead.weights(), m.globalHead.weights(), emaStep, decay)));
		if (local) updates.add(Ema.update(tf, m.teacherLocalHead.weights(), m.localHead.weights(), m.stepIn(tf,
			Stage.II), decay));
		return tf.withControlDependencies(updates).noOp();
	}

	/** The optimiser step, then the memory pushes, then the stage counter. */
	private static StagePhase step(MethodContext c, ActionModel m, Stage stage, double start,
		Map<String, Operand<TFloat32>> terms, List<Op> statistics, Operand<TFloat32> globalKeys,
		Operand<TFloat32> localKeys) {
		Ops tf = c.tf();
		Operand<TFloat32> loss = tf.constant(0f);
		for (Operand<TFloat32> t : terms.values())
			loss = tf.math.add(loss, t);
		Optimizer optimizer = c.optimizers().create(tf, "optimizer_" + stage.key);
		List<Op> first = new ArrayList<>(statistics);
		first.add(optimizer.minimize(tf, c.graph(), loss, trained(m, stage), c.inputs().learningRate, m.stepIn(tf,
			stage)));
		Ops then = tf.withControlDependencies(first);
		List<Op> all = new ArrayList<>(first);
		all.add(m.globalQueue.enqueue(then, globalKeys));
		if (localKeys != null) all.add(m.localQueue.enqueue(then, localKeys));
		Op count = tf.withControlDependencies(all).assignAdd(m.counter(stage), tf.constant(1f));
		return new StagePhase(new MethodGraph.Phase(start, tf.withControlDependencies(List.of(count)).noOp(), loss,
			terms, stage.name, stage.cost), optimizer.state());
	}

	/** Stage i: the encoder and the global heads; stage ii: the whole student and every head. */
	private static List<Variable<TFloat32>> trained(ActionModel m, Stage stage) {
		List<Variable<TFloat32>> out = new ArrayList<>();
		if (stage == Stage.I) {
			for (var p : m.student.weights().parameters())
				if (p.trainable() && p.name().startsWith("enc")) out.add(p.variable());
		}
		else out.addAll(m.student.weights().trainableVariables());
		out.addAll(m.globalHead.weights().trainableVariables());
		out.addAll(m.globalPredictor.weights().trainableVariables());
		if (stage == Stage.II) {
			out.addAll(m.localHead.weights().trainableVariables());
			out.addAll(m.localPredictor.weights().trainableVariables());
		}
		return out;
	}

	private static Operand<TFloat32> distill(Ops tf, SettingValues s, Operand<TFloat32> student,
		Operand<TFloat32> teacher, Operand<TFloat32> anchors) {
		return SoftNegativeDistillation.loss(tf, student, teacher, anchors, s.real(STUDENT_TEMPERATURE), s.real(TEACHER_TEMPERATURE));
	}

	/** Global average pooling {@code [B, h, w, C] -> [B, C]}. */
	private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x) {
		return tf.math.mean(x, tf.constant(new int[] { 1, 2 }));
	}

	/** One group of all rows: {@code [N, D] -> [1, N, D]}. */
	private static Operand<TFloat32> group(Ops tf, Operand<TFloat32> x) {
		return tf.expandDims(x, tf.constant(0));
	}

	/** Window embeddings {@code [B, 49, D]} of logits through a head (and a predictor, for the student). */
	private static Operand<TFloat32> windows(Ops tf, ActionModel m, Operand<TFloat32> logits, LinearHead head,
		LinearHead predictor, SettingValues s) {
		Operand<TFloat32> w = head.apply(tf, LocalPatches.windows(tf, logits, s.get(LOCAL_POOLING)));
		if (predictor != null) w = predictor.apply(tf, w);
		int n = LocalPatches.PER_AXIS * LocalPatches.PER_AXIS;
		return tf.reshape(w, tf.constant(new int[] { -1, n, m.localDim() }));
	}

	/** One group per window position: {@code [B, 49, D] -> [49, B, D]}. */
	private static Operand<TFloat32> byWindow(Ops tf, Operand<TFloat32> x) {
		return tf.linalg.transpose(x, tf.constant(new int[] { 1, 0, 2 }));
	}
}
