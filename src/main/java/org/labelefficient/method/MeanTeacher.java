package org.labelefficient.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Batches;
import org.labelefficient.nn.CutMix;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Mean Teacher (Tarvainen and Valpola 2017, as in SSL4MIS): half of each batch is labelled, half unlabelled; the
 * student learns 0.5 CE + 0.5 Dice on the labelled half and, on the unlabelled half, the mean squared difference of
 * its softmax to that of an EMA teacher seeing the same images with clipped Gaussian noise; the consistency weight
 * ramps up with a sigmoid over the run. The student is the model.
 * <p>
 * {@code cutmix_area} makes the perturbation strong (French et al., "Semi-supervised semantic segmentation needs
 * strong, varied perturbations", BMVC 2020): the student sees each unlabelled patch with a box CutMixed from another,
 * and its target is the teacher's softmax on the unmixed patches, mixed with the same box. Off by default, as in
 * SSL4MIS.
 */
public final class MeanTeacher implements TrainingMethod {

	private static final Setting<Double> CONSISTENCY_WEIGHT = Setting.number("consistency_weight", 0.1,
		"weight of the consistency term (SSL4MIS: 0.1)").atLeast(0);
	private static final Setting<Double> NOISE = Setting.number("noise", 0.1,
		"standard deviation of the teacher's input noise, clipped to twice this (SSL4MIS)").atLeast(0);
	private static final Setting<Double> CUTMIX_AREA = Setting.number("cutmix_area", 0,
		"share of each unlabelled patch that the student sees CutMixed from another, the teacher's softmax mixed alike "
			+ "(0: off, as SSL4MIS; in 3D a cuboid of area^(1/3) of each edge)").atLeast(0).below(1);

	@Override
	public String id() {
		return "mean-teacher";
	}

	@Override
	public boolean volumetric() {
		return true;
	}

	@Override
	public String summary() {
		return "labelled + unlabelled: supervised loss + consistency with an EMA teacher (Mean Teacher)";
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return BatchPlan.halfLabelled(batchSize);
	}

	@Override
	public List<Setting<?>> settings() {
		return List.of(TeacherSettings.EMA_DECAY, CONSISTENCY_WEIGHT, NOISE, RampSettings.START.withDefault(0.0,
			"ramp-up start (fraction of iterations)"), RampSettings.END.withDefault(1.0,
				"ramp-up end (fraction of iterations; SSL4MIS ramps over the whole run)"), TeacherSettings
					.batchStatistics(true), CUTMIX_AREA);
	}

	@Override
	public MethodGraph build(MethodContext c) {
		Ops tf = c.tf();
		UNet student = new UNet(c.network(), new ParameterSet(tf, "student"));
		UNet teacher = new UNet(c.network(), new ParameterSet(tf, "teacher"));
		CutMix.Mixing mixing = mixing(c);
		Operand<TFloat32> images = c.inputs().images;
		UNet.Forward sf = c.trainingPass(student, tf, mixing == null ? images : CutMix.mix(tf, mixing, images), c
			.inputs().seed);
		UNet.Forward tfw = TeacherSettings.forward(c, tf, teacher, noisy(tf, c));
		Operand<TFloat32> target = tf.nn.softmax(tfw.logits());
		if (mixing != null) target = CutMix.mix(tf, mixing, target);
		Map<String, Operand<TFloat32>> terms = terms(c, sf, target);
		Operand<TFloat32> loss = tf.constant(0f);
		for (Operand<TFloat32> t : terms.values())
			loss = tf.math.add(loss, t);
		Optimizer optimizer = c.optimizers().create(tf, "optimizer");
		List<Op> first = new ArrayList<>(sf.statisticUpdates());
		first.addAll(tfw.statisticUpdates());
		first.add(optimizer.minimize(tf, c.graph(), loss, student.weights().trainableVariables(), c.inputs()
			.learningRate, c.inputs().step));
		Op ema = TeacherSettings.ema(c, tf.withControlDependencies(first), teacher, student, c.inputs().step);
		return new MethodGraph(ema, loss, terms, student, List.of(student.weights(), teacher.weights(), optimizer
			.state())).withNetworks(student, teacher);
	}

	/**
	 * The CutMix of the unlabelled samples (those without any label, the last of each batch) with
	 * {@code cutmix_area}, or null when off. The labelled samples are not mixed, so their labels still fit.
	 */
	private static CutMix.Mixing mixing(MethodContext c) {
		double area = c.settings().real(CUTMIX_AREA);
		if (area == 0) return null;
		Ops tf = c.tf();
		return CutMix.draw(tf, Batches.unlabelled(tf, c.inputs().labels), CutMix.patchSize(c.inputs().images.shape()),
			area, tf.math.add(c.inputs().seed, tf.constant(new long[] { 0, 3001 })));
	}

	private static Map<String, Operand<TFloat32>> terms(MethodContext c, UNet.Forward student,
		Operand<TFloat32> teacher) {
		Ops tf = c.tf();
		int k = c.network().numClasses();
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("ce", tf.math.mul(tf.constant(0.5f), Losses.crossEntropy(tf, student.logits(), c.inputs().labels, k)));
		terms.put("dice", tf.math.mul(tf.constant(0.5f), Losses.diceLoss(tf, student.logits(), c.inputs().labels, k)));
		Operand<TFloat32> weight = tf.math.mul(tf.constant(c.settings().real(CONSISTENCY_WEIGHT)), RampSettings.ramp(
			c));
		terms.put("consistency", tf.math.mul(weight, consistency(tf, student, teacher, c)));
		return terms;
	}

	/**
	 * Mean squared difference of the student's softmax to the teacher's probabilities over the pixels of the
	 * unlabelled samples (those without any label).
	 */
	static Operand<TFloat32> consistency(Ops tf, UNet.Forward student, Operand<TFloat32> teacher, MethodContext c) {
		Operand<TFloat32> unlabelled = Batches.unlabelled(tf, c.inputs().labels);
		for (int d = 1; d < student.logits().shape().numDimensions(); d++)
			unlabelled = tf.expandDims(unlabelled, tf.constant(-1));
		Operand<TFloat32> diff = tf.math.squaredDifference(tf.nn.softmax(student.logits()), tf.stopGradient(teacher));
		Operand<TFloat32> masked = tf.math.mul(diff, unlabelled);
		Operand<TFloat32> count = Losses.sumAll(tf, tf.math.mul(tf.stopGradient(tf.onesLike(diff)), unlabelled));
		return tf.math.div(Losses.sumAll(tf, masked), tf.math.maximum(count, tf.constant(1f)));
	}

	/** The batch with clipped Gaussian noise, drawn from the iteration's seed. */
	private static Operand<TFloat32> noisy(Ops tf, MethodContext c) {
		float sigma = c.settings().real(NOISE);
		Operand<TFloat32> n = tf.math.mul(tf.random.statelessRandomNormal(tf.shape(c.inputs().images), tf.math.add(c
			.inputs().seed, tf.constant(new long[] { 0, 6007 })), TFloat32.class), tf.constant(sigma));
		return tf.math.add(c.inputs().images, tf.clipByValue(n, tf.constant(-2 * sigma), tf.constant(2 * sigma)));
	}
}
