package org.labelefficient.method;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.labelefficient.data.BatchPlan;
import org.labelefficient.nn.Tensors;
import org.labelefficient.nn.UNet;
import org.labelefficient.setting.SettingValues;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Mean Teacher's consistency term on a tiny batch, against a hand computation, and what {@code cutmix_area} changes.
 */
public class MeanTeacherTest {

	private static UNet.Forward logits(Operand<TFloat32> logits) {
		return new UNet.Forward(logits, List.of(), List.of(), null, List.of(), List.of(logits));
	}

	@Test
	public void consistencyIsTheMeanSquaredSoftmaxDifferenceOverUnlabelledSamples() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			TrainingInputs inputs = new TrainingInputs(tf, 16);
			MethodContext c = new MethodContext(g, tf, inputs, null, null, new SettingValues(new MeanTeacher()
				.settings(), Map.of()));
			// two 16x16 samples, two classes: sample 0 labelled, sample 1 unlabelled (all -1)
			float[][][][] student = new float[2][16][16][2], teacher = new float[2][16][16][2];
			student[1][0][0] = new float[] { 0, (float) Math.log(3) }; // softmax (0.25, 0.75); teacher stays (0.5, 0.5)
			student[0][0][0] = new float[] { 5, 0 }; // labelled sample: ignored
			Operand<TFloat32> value = MeanTeacher.consistency(tf, logits(tf.constant(student)), tf.nn.softmax(tf
				.constant(teacher)), c);
			int[] labels = new int[2 * 16 * 16];
			java.util.Arrays.fill(labels, 16 * 16, labels.length, -1);
			try (Tensor y = Tensors.ints(labels, 2, 16, 16); Result r = s.runner().feed(inputs.labels, y).fetch(value)
				.run()) {
				double expected = 2 * 0.25 * 0.25 / (16 * 16 * 2); // one pixel differs by 0.25 in both classes
				assertEquals(expected, Tensors.readScalar(r.get(0)), 1e-9);
			}
		}
	}

	@Test
	public void halfOfEachBatchIsLabelled() {
		assertEquals(new BatchPlan(4, 4, BatchPlan.LabelKind.DENSE), new MeanTeacher().batchPlan(8));
		assertEquals(new BatchPlan(1, 0, BatchPlan.LabelKind.DENSE), new MeanTeacher().batchPlan(1));
	}

	/**
	 * {@code cutmix_area} changes what the student sees on the unlabelled half (so the consistency term) and nothing of
	 * the supervised terms on the labelled half, whose batch-norm group and images stay as they were; 2D and 3D.
	 */
	@Test
	public void cutMixChangesOnlyTheConsistencyTerm() {
		for (int[] shape : List.of(new int[] { 16, 16 }, new int[] { 16, 16, 16 })) {
			Map<String, Float> plain = terms(Map.of(), shape), mixed = terms(Map.of("cutmix_area", "0.5"), shape);
			for (String supervised : List.of("ce", "dice"))
				assertEquals(supervised, plain.get(supervised), mixed.get(supervised), 0f);
			float a = plain.get("consistency"), b = mixed.get("consistency");
			assertTrue(plain + " " + mixed, a > 0 && Math.abs(a - b) > 1e-3 * a);
		}
	}

	/** The loss terms before any step, at full consistency weight, with the given method settings. */
	private static Map<String, Float> terms(Map<String, String> settings, int[] shape) {
		int batch = 4;
		Map<String, String> all = new HashMap<>(settings);
		all.putAll(Map.of("rampup_start", "0", "rampup_end", "0.05"));
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			TrainingInputs inputs = new TrainingInputs(tf, shape);
			MethodGraph mg = FixedBatch.graph(g, tf, s, inputs, new MeanTeacher(), all, batch);
			Map<String, Float> terms = new HashMap<>();
			for (Map.Entry<String, Operand<TFloat32>> term : mg.phaseAt(0.1).terms().entrySet())
				terms.put(term.getKey(), FixedBatch.fetch(s, inputs, batch, shape, term.getValue()));
			return terms;
		}
	}
}
