package org.labelefficient.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Batches;
import org.labelefficient.nn.CutMix;
import org.labelefficient.nn.Feedback;
import org.labelefficient.nn.Gradients;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.ParameterSet.Init;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Reciprocal Learning (Zeng et al., MICCAI 2021), following the per-iteration procedure of its code
 * ({@code RL_code/train_RL.py} of github.com/XYZach/RLSSS; docs/methods.md): half of each batch labelled, half unlabelled; the teacher's argmax pseudo-labels on the unlabelled half
 * train the student (cross-entropy); the feedback scalar {@code h = lr <g_l(student after its step), g_u(student
 * before)>} weighs the gradient of the teacher's cross-entropy on its own pseudo-labels, to which its supervised
 * cross-entropy gradient on the labelled half is added ({@code lambda = 1}). During the first {@code pretrain}
 * fraction of the iterations only the teacher learns, from the labelled half (the paper pre-trains it on the labelled
 * data), in a phase of its own: the student's weights and optimiser do not move (not even by weight decay) and its
 * optimiser starts with the reciprocal phase. The student is the model; it never steps on labelled data. As in the
 * code, each pass computes only what its loss uses: the teacher both halves (two batch-norm groups), the student the
 * unlabelled half before its step and the labelled half after it, the pre-training teacher the labelled half. A warm
 * start ({@code init_model}, as the code starts from a separately trained supervised model) gives student and teacher
 * the model's weights and skips the pre-training: every iteration is reciprocal. {@code dice_weight} adds a soft Dice
 * term to the losses on hard labels (the paper's are cross-entropy alone); {@code feedback=step} measures the
 * student's step as taken (nn.Feedback), since the paper's {@code lr <g_l, g_u>} assumes plain SGD;
 * {@code cutmix_area} shows the student its unlabelled patches CutMixed with their pseudo-labels (as ACTION's stage iii
 * does; not in the paper; in 3D a cuboid, as BCP copies between LA volumes), a strong perturbation so that it learns
 * more than a copy of the teacher.
 */
public final class Reciprocal implements TrainingMethod {

	private static final String COUNTER = "reciprocal";
	/**
	 * Time per iteration of the two phases in supervised steps of the same network (2D, 128 x 128, batch 8;
	 * BENCHMARKS.md "Phase costs"): the teacher alone on the labelled half, then both networks' passes and steps.
	 */
	private static final double PRETRAINING_COST = 0.5, RECIPROCAL_COST = 2.0;
	private static final String PRETRAINING = "teacher pre-training on the labelled images (the student, which is the "
		+ "model, does not learn yet)", RECIPROCAL = "reciprocal learning: the student on the teacher's pseudo-labels, "
			+ "the teacher on the labelled images and the student's feedback";
	/** Below 1: the student, which is the model, must train for some iterations. */
	private static final Setting<Double> PRETRAIN = Setting.number("pretrain", 0.5,
		"fraction of the iterations in which only the teacher trains, on the labelled half (the code uses a "
			+ "separately trained supervised teacher of the same budget)").atLeast(0).below(1);
	private static final Setting<Double> TEACHER_SUPERVISED_WEIGHT = Setting.number("teacher_supervised_weight", 1,
		"lambda: weight of the teacher's supervised cross-entropy").atLeast(0);
	private static final Setting<Double> DICE_WEIGHT = Setting.number("dice_weight", 0,
		"weight of a soft Dice term added to the teacher's supervised cross-entropy and to the student's pseudo-label "
			+ "cross-entropy (0: cross-entropy alone, as the paper and its code)").atLeast(0);
	private static final Setting<String> FEEDBACK = Setting.choice("feedback", "gradient",
		"the feedback scalar h: gradient, lr <g_l, g_u> as the paper derives it for plain SGD (near 0 under Adam); "
			+ "step, <g_l, the step the student's optimiser took>", List.of("gradient", "step"));
	private static final Setting<Double> CUTMIX_AREA = Setting.number("cutmix_area", 0,
		"share of each unlabelled patch that the student sees CutMixed from another unlabelled patch, its pseudo-labels "
			+ "mixed alike (0: off, as the paper; in 3D a cuboid of area^(1/3) of each edge)").atLeast(0).below(1);

	@Override
	public String id() {
		return "reciprocal";
	}

	@Override
	public boolean volumetric() {
		return true;
	}

	@Override
	public String summary() {
		return "labelled + unlabelled: student on teacher pseudo-labels, teacher on the student's feedback";
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return BatchPlan.halfLabelled(batchSize);
	}

	@Override
	public List<Setting<?>> settings() {
		return List.of(PRETRAIN, TEACHER_SUPERVISED_WEIGHT, DICE_WEIGHT, FEEDBACK, CUTMIX_AREA);
	}

	@Override
	public MethodGraph build(MethodContext c) {
		Ops tf = c.tf();
		UNet student = new UNet(c.network(), new ParameterSet(tf, "student"));
		UNet teacher = new UNet(c.network(), new ParameterSet(tf, "teacher"));
		ParameterSet counter = new ParameterSet(tf, "reciprocal_steps");
		counter.state(COUNTER, Init.ZEROS);
		Optimizer studentOptimizer = c.optimizers().create(tf, "student_optimizer");
		Optimizer teacherOptimizer = c.optimizers().create(tf, "teacher_optimizer");
		List<MethodGraph.Phase> phases = new ArrayList<>();
		List<ParameterSet> variables = new ArrayList<>(List.of(student.weights(), teacher.weights(), counter,
			studentOptimizer.state(), teacherOptimizer.state()));
		if (!c.warmStart()) {
			Optimizer pretrainOptimizer = c.optimizers().create(tf, "teacher_pretrain_optimizer");
			phases.add(pretraining(c, teacher, pretrainOptimizer));
			variables.add(pretrainOptimizer.state());
		}
		phases.add(reciprocal(c, student, teacher, counter, studentOptimizer, teacherOptimizer));
		return new MethodGraph(phases, student, variables, null, List.of(student.weights(), teacher.weights()));
	}

	/**
	 * Pre-training: the teacher alone learns the cross-entropy on the labelled samples (the unlabelled ones are not
	 * passed through it); the student does not move.
	 */
	private static MethodGraph.Phase pretraining(MethodContext c, UNet teacher, Optimizer optimizer) {
		Ops tf = c.tf();
		int labelled = labelledCount(c);
		UNet.Forward f = teacher.forward(tf, Batches.samples(tf, c.inputs().images, 0, labelled), true, seed(tf, c,
			1000));
		Operand<TFloat32> loss = hardLabelLoss(c, f.logits(), Batches.samples(tf, c.inputs().labels, 0, labelled));
		List<Op> all = new ArrayList<>(f.statisticUpdates());
		all.add(optimizer.minimize(tf, c.graph(), loss, teacher.weights().trainableVariables(), c.inputs()
			.learningRate, c.inputs().step));
		// the term is a second output of its own: the trainer fetches the loss and every term in one run
		return new MethodGraph.Phase(0, tf.withControlDependencies(all).noOp(), loss, Map.of("teacher_sup", tf.identity(
			loss)), PRETRAINING, PRETRAINING_COST);
	}

	/**
	 * The reciprocal iteration, from progress {@code pretrain} on. Both optimisers start with the phase and count
	 * its steps (Adam's bias correction), as the code starts them after its separate pre-training.
	 */
	private static MethodGraph.Phase reciprocal(MethodContext c, UNet student, UNet teacher, ParameterSet counter,
		Optimizer studentOptimizer, Optimizer teacherOptimizer) {
		Ops tf = c.tf();
		int k = c.network().numClasses();
		int l = labelledCount(c);
		Operand<TFloat32> step = tf.math.add(counter.variable(COUNTER), tf.constant(1f));
		Operand<TFloat32> labelledImages = Batches.samples(tf, c.inputs().images, 0, l);
		Operand<TFloat32> unlabelledImages = Batches.samples(tf, c.inputs().images, l, -1);
		Operand<TInt32> labels = Batches.samples(tf, c.inputs().labels, 0, l);
		// the teacher sees both halves (as two batch-norm groups); each student pass only the half its loss uses
		UNet.Groups tfw = teacher.forwardGroups(tf, labelledImages, unlabelledImages, seed(tf, c, 1000));
		Operand<TFloat32> teacherLabelled = tfw.first().logits(), teacherUnlabelled = tfw.second().logits();
		Operand<TInt32> pseudo = tf.math.argMax(tf.stopGradient(teacherUnlabelled), tf.constant(-1), TInt32.class);
		Operand<TFloat32> studentImages = unlabelledImages;
		Operand<TInt32> studentLabels = pseudo;
		double area = c.settings().real(CUTMIX_AREA);
		if (area > 0) {
			// every sample of the unlabelled half takes part, so the mixing pairs them among themselves
			float[] all = new float[c.plan().unlabelled()];
			java.util.Arrays.fill(all, 1f);
			CutMix.Mixing mixing = CutMix.draw(tf, tf.constant(all), CutMix.patchSize(unlabelledImages.shape()), area,
				seed(tf, c, 3000));
			studentImages = CutMix.mix(tf, mixing, unlabelledImages);
			studentLabels = CutMix.mixLabels(tf, mixing, pseudo);
		}
		UNet.Forward sf = student.forward(tf, studentImages, true, c.inputs().seed);
		Operand<TFloat32> studentPseudo = hardLabelLoss(c, sf.logits(), studentLabels);
		Feedback.Scalar scalar = Feedback.Scalar.valueOf(c.settings().get(FEEDBACK).toUpperCase(Locale.ROOT));
		Feedback fb = Feedback.build(tf, c.graph(), studentPseudo, after -> Losses.partialCrossEntropy(after, student
			.forward(after, labelledImages, true, seed(tf, c, 2000)).logits(), labels, k), student.weights()
				.trainableVariables(), studentOptimizer, c.inputs().learningRate, step, scalar);
		Operand<TFloat32> teacherPseudo = Losses.partialCrossEntropy(tf, teacherUnlabelled, pseudo, k);
		Operand<TFloat32> teacherSupervised = hardLabelLoss(c, teacherLabelled, labels);
		List<Variable<TFloat32>> tv = teacher.weights().trainableVariables();
		Operand<TFloat32> h = fb.feedback();
		Operand<TFloat32> lambda = tf.constant(c.settings().real(TEACHER_SUPERVISED_WEIGHT));
		// the two gradients through the two groups' passes, each the work of half a backward pass, combined with h
		// once it is known: they do not wait for the student's passes, which frees the teacher's activations early
		List<Operand<TFloat32>> pseudoGradients = gradients(tf, c, teacherPseudo, tv), supervisedGradients = gradients(
			tf, c, teacherSupervised, tv);
		List<Operand<TFloat32>> combined = new ArrayList<>();
		for (int i = 0; i < tv.size(); i++)
			combined.add(tf.math.add(tf.math.mul(h, pseudoGradients.get(i)), tf.math.mul(lambda, supervisedGradients
				.get(i))));
		List<Op> all = new ArrayList<>(sf.statisticUpdates());
		all.addAll(tfw.statisticUpdates());
		all.add(fb.update());
		all.add(teacherOptimizer.applyGradients(tf, tv, combined, c.inputs().learningRate, step));
		Op count = tf.withControlDependencies(all).assignAdd(counter.variable(COUNTER), tf.constant(1f));
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("student_pl", studentPseudo);
		terms.put("teacher_sup", teacherSupervised);
		terms.put("feedback", h);
		return new MethodGraph.Phase(c.warmStart() ? 0 : c.settings().real(PRETRAIN), tf.withControlDependencies(List
			.of(count)).noOp(), tf.math.add(studentPseudo, teacherSupervised), terms, RECIPROCAL,
			RECIPROCAL_COST);
	}

	/**
	 * A network's loss on hard labels (the teacher's on the labelled half, the student's on the pseudo-labels):
	 * cross-entropy, plus {@code dice_weight} x soft Dice when set. Cross-entropy alone lets a network that predicts
	 * background almost everywhere keep a low loss where the structures are a few per cent of the pixels (whole
	 * slices), and hand such labels on; Dice weighs every class alike.
	 */
	private static Operand<TFloat32> hardLabelLoss(MethodContext c, Operand<TFloat32> logits, Operand<TInt32> labels) {
		Ops tf = c.tf();
		int k = c.network().numClasses();
		Operand<TFloat32> ce = Losses.partialCrossEntropy(tf, logits, labels, k);
		double w = c.settings().real(DICE_WEIGHT);
		return w == 0 ? ce : tf.math.add(ce, tf.math.mul(tf.constant((float) w), Losses.diceLoss(tf, logits, labels,
			k)));
	}

	private static Operand<TInt64> seed(Ops tf, MethodContext c, long salt) {
		return tf.math.add(c.inputs().seed, tf.constant(new long[] { 0, salt }));
	}

	/** The number of labelled samples, which come first in every batch. */
	private static int labelledCount(MethodContext c) {
		if (c.plan() == null || c.plan().unlabelled() == 0)
			throw new IllegalArgumentException(
				"Reciprocal Learning needs batches of labelled and unlabelled samples (batch_size 2 or more)");
		return c.plan().labelled();
	}

	private static List<Operand<TFloat32>> gradients(Ops tf, MethodContext c, Operand<TFloat32> loss,
		List<Variable<TFloat32>> variables) {
		return Gradients.of(tf, c.graph().addGradients(loss.asOutput(), variables.stream().map(Variable::asOutput)
			.toArray(Output<?>[]::new)));
	}
}
