package org.labelefficient.method;

import static org.labelefficient.method.ScribSDSettings.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.io.BadInputException;
import org.labelefficient.nn.ClassContrast;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.ProjectionHead;
import org.labelefficient.nn.Regularizers;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * ScribSD+ (Qu et al., CMIG 2024), reconstructed where the paper is silent (docs/scribsd.md): a student
 * U-Net with deep-supervision heads learns from scribbles by partial cross-entropy; a teacher, the exponential moving
 * average of the student, supervises it (1) at every output scale with temperature-softened predictions (KL
 * divergence) and (2) through a class-wise contrastive term on the student's last decoder features, whose pixels take
 * their class from the scribbles, or from confident teacher predictions elsewhere. Both regularisers ramp up with a
 * sigmoid. The setting {@code kd_weight=0} or {@code contrast_weight=0} gives the ablations.
 */
public final class ScribSD implements TrainingMethod {

	@Override
	public String id() {
		return "scribsd";
	}

	@Override
	public String summary() {
		return "scribbles: pCE + EMA teacher, multi-scale distillation, class-wise contrast (ScribSD+)";
	}

	@Override
	public boolean deepSupervision() {
		return true;
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return new BatchPlan(batchSize, 0, BatchPlan.LabelKind.SCRIBBLE);
	}

	@Override
	public List<Setting<?>> settings() {
		return ScribSDSettings.ALL;
	}

	@Override
	public MethodGraph build(MethodContext c) {
		Ops tf = c.tf();
		SettingValues s = c.settings();
		UNet student = new UNet(c.network(), new ParameterSet(tf, "student"));
		UNet teacher = new UNet(c.network(), new ParameterSet(tf, "teacher"));
		ProjectionHead head = new ProjectionHead(new ParameterSet(tf, "projection"), c.network().channels()[0], 2 * s.get(
			EMBEDDING_DIM), s.get(EMBEDDING_DIM));
		Operand<TInt64> seed = c.inputs().seed;
		UNet.Forward sf = student.forward(tf, c.inputs().images, true, seed);
		UNet.Forward tfw = TeacherSettings.forward(c, tf, teacher, c.inputs().images);
		Map<String, Operand<TFloat32>> terms = terms(c, sf, tfw, head);
		Operand<TFloat32> loss = tf.constant(0f);
		for (Operand<TFloat32> t : terms.values())
			loss = tf.math.add(loss, t);
		List<Variable<TFloat32>> trained = new ArrayList<>(student.weights().trainableVariables());
		trained.addAll(head.weights().trainableVariables());
		Optimizer optimizer = c.optimizers().create(tf, "optimizer");
		List<Op> first = new ArrayList<>(sf.statisticUpdates());
		first.addAll(tfw.statisticUpdates());
		first.add(optimizer.minimize(tf, c.graph(), loss, trained, c.inputs().learningRate, c.inputs().step));
		Op ema = TeacherSettings.ema(c, tf.withControlDependencies(first), teacher, student, c.inputs().step);
		UNet predictor = s.get(USE_TEACHER) ? teacher : student;
		return new MethodGraph(ema, loss, terms, predictor, List.of(student.weights(), teacher.weights(), head.weights(),
			optimizer.state())).withNetworks(student, teacher);
	}

	private static Map<String, Operand<TFloat32>> terms(MethodContext c, UNet.Forward student, UNet.Forward teacher,
		ProjectionHead head) {
		Ops tf = c.tf();
		SettingValues s = c.settings();
		int k = c.network().numClasses();
		Operand<TFloat32> ramp = RampSettings.ramp(c);
		Map<String, Operand<TFloat32>> terms = new LinkedHashMap<>();
		terms.put("pce", Losses.partialCrossEntropy(tf, student.logits(), c.inputs().labels, k));
		terms.put("kd", tf.math.mul(tf.math.mul(tf.constant(s.real(KD_WEIGHT)), ramp), distillation(tf, s, student,
			teacher)));
		Operand<TInt32> classes = Regularizers.assignClasses(tf, c.inputs().labels, teacher.logits(), s.real(CONFIDENCE_THRESHOLD));
		List<Operand<TFloat32>> decoder = student.decoderFeatures();
		Operand<TFloat32> contrast = ClassContrast.loss(tf, decoder.get(decoder.size() - 1), head::embedRows, classes,
			k, s.real(CONTRAST_TEMPERATURE), s.get(CONTRAST_SAMPLES), c.inputs().seed);
		terms.put("contrast", tf.math.mul(tf.math.mul(tf.constant(s.real(CONTRAST_WEIGHT)), ramp), contrast));
		return terms;
	}

	/** Weighted mean over the scales of the KL distillation between teacher and student outputs of that scale. */
	private static Operand<TFloat32> distillation(Ops tf, SettingValues s, UNet.Forward student,
		UNet.Forward teacher) {
		List<Operand<TFloat32>> st = new ArrayList<>(List.of(student.logits())), te = new ArrayList<>(List.of(teacher
			.logits()));
		st.addAll(student.deepLogits());
		te.addAll(teacher.deepLogits());
		double[] w = scaleWeights(s.get(KD_SCALE_WEIGHTS), st.size());
		Operand<TFloat32> sum = tf.constant(0f);
		for (int i = 0; i < st.size(); i++)
			sum = tf.math.add(sum, tf.math.mul(tf.constant((float) w[i]), Regularizers.distillation(tf, te.get(i), st
				.get(i), s.real(KD_TEMPERATURE))));
		return sum;
	}

	/** The first {@code n} weights (each checked non-negative by the declaration), normalised to sum 1. */
	static double[] scaleWeights(double[] given, int n) {
		if (given.length < n) throw new BadInputException(KD_SCALE_WEIGHTS.key() + " needs " + n
			+ " comma-separated weights, got " + KD_SCALE_WEIGHTS.format(given));
		double[] w = Arrays.copyOf(given, n);
		double total = Arrays.stream(w).sum();
		if (total <= 0) throw new BadInputException(KD_SCALE_WEIGHTS.key() + " must not all be 0");
		for (int i = 0; i < n; i++)
			w[i] /= total;
		return w;
	}
}
