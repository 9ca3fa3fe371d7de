package org.labelefficient.method;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Test;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.Tensors;
import org.labelefficient.nn.UNet;
import org.labelefficient.nn.UNetConfig;
import org.labelefficient.setting.SettingValues;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The two ways of an EMA teacher with batch norm: statistics averaged from the student's (inference-mode teacher), or
 * kept from the teacher's own batches (training-mode teacher, EMA of the trained weights only).
 */
public class TeacherSettingsTest {

	private static final String MEAN = "enc0_bn1_mean";

	/** Teacher and student variables after one teacher pass and one EMA at step 1 (which copies what it averages). */
	private static Map<String, Map<String, float[]>> afterOneStep(boolean batchStatistics) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			TrainingInputs inputs = new TrainingInputs(tf, 8);
			MethodContext c = new MethodContext(g, tf, inputs, null, null, new SettingValues(new ScribSD().settings(),
				Map.of(TeacherSettings.BATCH_STATISTICS.key(), String.valueOf(batchStatistics))));
			UNetConfig net = new UNetConfig(1, 2, new int[] { 2, 4 }, new double[] { 0, 0.5 }, false);
			UNet teacher = new UNet(net, new ParameterSet(tf, "teacher")), student = new UNet(net, new ParameterSet(tf,
				"student"));
			Placeholder<TFloat32> images = tf.placeholder(TFloat32.class);
			UNet.Forward pass = TeacherSettings.forward(c, tf, teacher, images);
			List<Op> first = new ArrayList<>(pass.statisticUpdates());
			first.add(tf.identity(pass.logits()));
			Op ema = TeacherSettings.ema(c, tf.withControlDependencies(first), teacher, student, inputs.step);
			teacher.weights().initialize(s, 1);
			student.weights().initialize(s, 2);
			Map<String, float[]> values = new HashMap<>(student.weights().read(s));
			values.put(MEAN, new float[] { 7, 7 });
			student.weights().write(s, values);
			float[] pixels = new float[2 * 8 * 8];
			Random r = new Random(3);
			for (int i = 0; i < pixels.length; i++)
				pixels[i] = 5 + (float) r.nextGaussian();
			try (Tensor x = Tensors.floats(pixels, 2, 8, 8, 1); Tensor one = Tensors.scalar(1f)) {
				s.runner().feed(images, x).feed(inputs.step, one).addTarget(ema).run();
			}
			return Map.of("teacher", teacher.weights().read(s), "student", student.weights().read(s));
		}
	}

	@Test
	public void inferenceModeTeacherAveragesTheStudentsStatistics() {
		var v = afterOneStep(false);
		assertArrayEquals(new float[] { 7, 7 }, v.get("teacher").get(MEAN), 0);
		assertArrayEquals(v.get("student").get("enc0_c1_w"), v.get("teacher").get("enc0_c1_w"), 0);
	}

	@Test
	public void batchStatisticsTeacherKeepsItsOwnStatistics() {
		var v = afterOneStep(true);
		float[] mean = v.get("teacher").get(MEAN);
		assertArrayEquals("trained weights still averaged", v.get("student").get("enc0_c1_w"), v.get("teacher").get(
			"enc0_c1_w"), 0);
		for (float m : mean) {
			assertNotEquals("not the student's statistics", 7, m, 1e-3);
			assertNotEquals("moved from its initial 0 by its own batch", 0, m, 1e-6);
		}
		assertEquals(2, mean.length);
	}
}
