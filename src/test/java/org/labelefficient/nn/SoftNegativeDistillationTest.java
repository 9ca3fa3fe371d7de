package org.labelefficient.nn;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The soft-negative KL of ACTION's contrastive distillation on tiny tensors, against a hand computation. */
public class SoftNegativeDistillationTest {

	@Test
	public void klOfTheTeachersSharpenedAnchorDistributionFromTheStudents() {
		// anchors (1, 0) and (0, 1); row 1: teacher (1, 0) -> cosines (1, 0); student (0, 2) -> cosines (0, 1)
		// row 2: teacher and student point the same way at 45 degrees: both distributions uniform, KL 0
		double tauT = 1, tauS = 0.5;
		double[] pt = softmax(1 / tauT, 0 / tauT), ps = softmax(0 / tauS, 1 / tauS);
		double kl = pt[0] * Math.log(pt[0] / ps[0]) + pt[1] * Math.log(pt[1] / ps[1]);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> teacher = tf.constant(new float[][][] { { { 1, 0 }, { 1, 1 } } });
			Operand<TFloat32> student = tf.constant(new float[][][] { { { 0, 2 }, { 3, 3 } } });
			Operand<TFloat32> anchors = tf.constant(new float[][][] { { { 1, 0 }, { 0, 1 } } });
			Operand<TFloat32> loss = SoftNegativeDistillation.loss(tf, student, teacher, anchors, (float) tauS,
				(float) tauT);
			try (Result r = s.runner().fetch(loss).run()) {
				assertEquals(kl / 2, Tensors.readScalar(r.get(0)), 1e-6);
			}
		}
	}

	@Test
	public void groupsUseTheirOwnAnchors() {
		// group 0 anchors make the row's distributions equal (KL 0); group 1 anchors are swapped for the student only
		// by direction: teacher (1, 0) and student (0, 1) against anchors (1, 0), (0, 1), both at temperature 1
		double[] pt = softmax(1, 0), ps = softmax(0, 1);
		double kl = pt[0] * Math.log(pt[0] / ps[0]) + pt[1] * Math.log(pt[1] / ps[1]);
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TFloat32> teacher = tf.constant(new float[][][] { { { 1, 0 } }, { { 1, 0 } } });
			Operand<TFloat32> student = tf.constant(new float[][][] { { { 0, 1 } }, { { 0, 1 } } });
			Operand<TFloat32> anchors = tf.constant(new float[][][] { { { 1, 1 }, { -1, -1 } }, { { 1, 0 }, { 0,
				1 } } });
			Operand<TFloat32> loss = SoftNegativeDistillation.loss(tf, student, teacher, anchors, 1f, 1f);
			try (Result r = s.runner().fetch(loss).run()) {
				assertEquals(kl / 2, Tensors.readScalar(r.get(0)), 1e-6);
			}
		}
	}

	private static double[] softmax(double a, double b) {
		double m = Math.max(a, b), ea = Math.exp(a - m), eb = Math.exp(b - m);
		return new double[] { ea / (ea + eb), eb / (ea + eb) };
	}
}
