package org.labelefficient.method;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.labelefficient.nn.Adam;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.UNetConfig;
import org.labelefficient.setting.SettingValues;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Reciprocal Learning's two phases on a tiny U-Net: during pre-training only the teacher moves (the student's weights
 * stay bit for bit, although its optimiser has weight decay, which once pulled every frozen weight towards 0 by about
 * the learning rate per step), and the student starts stepping with the reciprocal phase, whose step counter starts
 * at 1 for Adam's bias correction.
 */
public class ReciprocalPhasesTest {

	private static final int SIZE = 16, BATCH = 4;

	@Test
	public void onlyTheTeacherMovesDuringPretrainingAndTheStudentAfter() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			TrainingInputs inputs = new TrainingInputs(tf, SIZE);
			MethodGraph mg = FixedBatch.graph(g, tf, s, inputs, new Reciprocal(), Map.of("pretrain", "0.5"), BATCH);
			ParameterSet student = weights(mg, "student"), teacher = weights(mg, "teacher");
			Map<String, float[]> student0 = student.read(s), teacher0 = teacher.read(s);

			run(s, inputs, mg.phaseAt(0.1), 1);
			run(s, inputs, mg.phaseAt(0.4), 2);
			Map<String, float[]> student1 = student.read(s);
			for (String name : student0.keySet())
				assertArrayEquals(name, student0.get(name), student1.get(name), 0f);
			assertFalse("the teacher learned", Arrays.equals(teacher0.get("enc0_c1_w"), teacher.read(s).get(
				"enc0_c1_w")));
			assertEquals(0f, counter(s, mg), 0f);

			run(s, inputs, mg.phaseAt(0.5), 3);
			assertFalse("the student learned", Arrays.equals(student0.get("enc0_c1_w"), student.read(s).get(
				"enc0_c1_w")));
			assertEquals(1f, counter(s, mg), 0f);
		}
	}

	/**
	 * {@code dice_weight} adds w x soft Dice to the teacher's supervised loss (both phases) and the student's
	 * pseudo-label loss: on the same weights and batch, the terms grow linearly in w by a Dice loss in (0, 1).
	 */
	@Test
	public void diceWeightAddsASoftDiceTermToTheHardLabelLosses() {
		Map<String, Float> none = terms(Map.of("dice_weight", "0")), one = terms(Map.of("dice_weight", "1")), two = terms(
			Map.of("dice_weight", "2"));
		for (String term : List.of("pretrain_teacher_sup", "teacher_sup", "student_pl")) {
			float dice = one.get(term) - none.get(term);
			assertTrue(term + ": " + dice, dice > 0.01f && dice < 1f);
			assertEquals(term, 2 * dice, two.get(term) - none.get(term), 1e-4f);
		}
	}

	/**
	 * {@code cutmix_area} changes what the student sees on the unlabelled half and nothing of the teacher's losses,
	 * with 2D patches and with 3D ones (a cuboid).
	 */
	@Test
	public void cutMixChangesOnlyTheStudentsPseudoLabelLoss() {
		for (int[] shape : List.of(new int[] { SIZE, SIZE }, new int[] { SIZE, SIZE, SIZE })) {
			Map<String, Float> plain = terms(Map.of(), shape), mixed = terms(Map.of("cutmix_area", "0.5"), shape);
			assertEquals(plain.get("teacher_sup"), mixed.get("teacher_sup"), 0f);
			assertTrue(plain + " " + mixed, Math.abs(plain.get("student_pl") - mixed.get("student_pl")) > 1e-5f);
		}
	}

	/** The loss terms of both phases, before any step, with the given method settings. */
	private static Map<String, Float> terms(Map<String, String> settings) {
		return terms(settings, new int[] { SIZE, SIZE });
	}

	/** The loss terms of both phases on patches of {@code shape} ({@code y, x} or {@code z, y, x}). */
	private static Map<String, Float> terms(Map<String, String> settings, int[] shape) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			TrainingInputs inputs = new TrainingInputs(tf, shape);
			MethodGraph mg = FixedBatch.graph(g, tf, s, inputs, new Reciprocal(), settings, BATCH);
			Map<String, Float> terms = new HashMap<>();
			terms.put("pretrain_teacher_sup", FixedBatch.fetch(s, inputs, BATCH, shape, mg.phaseAt(0.1).terms().get(
				"teacher_sup")));
			MethodGraph.Phase reciprocal = mg.phaseAt(0.9);
			for (String term : List.of("teacher_sup", "student_pl"))
				terms.put(term, FixedBatch.fetch(s, inputs, BATCH, shape, reciprocal.terms().get(term)));
			return terms;
		}
	}

	@Test
	public void batchesWithoutUnlabelledSamplesAreRefusedWhenTheGraphIsBuilt() {
		try (Graph g = new Graph()) {
			Ops tf = Ops.create(g);
			MethodContext c = new MethodContext(g, tf, new TrainingInputs(tf, SIZE), UNetConfig.standard(3, 4, false), (
				ops, prefix) -> new Adam(ops, prefix, 1e-4f), new SettingValues(new Reciprocal().settings(), Map.of()),
				new Reciprocal().batchPlan(1));
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Reciprocal().build(c));
			assertTrue(e.getMessage(), e.getMessage().contains("batch_size 2 or more"));
		}
	}

	private static ParameterSet weights(MethodGraph mg, String prefix) {
		return mg.variables().stream().filter(p -> p.prefix().equals(prefix)).findFirst().orElseThrow();
	}

	private static float counter(Session s, MethodGraph mg) {
		return weights(mg, "reciprocal_steps").read(s).get("reciprocal")[0];
	}

	/** One iteration of {@code phase}: two labelled samples (classes by rows), two unlabelled ones. */
	private static void run(Session s, TrainingInputs inputs, MethodGraph.Phase phase, int step) {
		FixedBatch.feed(s, inputs, BATCH, step, new int[] { SIZE, SIZE }, r -> r.addTarget(phase.step()).run());
	}
}
