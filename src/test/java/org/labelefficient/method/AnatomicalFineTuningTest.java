package org.labelefficient.method;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.labelefficient.nn.Batches;
import org.labelefficient.nn.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Stage iii's pseudo-label weighting and the classes of the contrast, on a two-sample batch by hand. */
public class AnatomicalFineTuningTest {

	/** Sample 0 labelled (0, 1); sample 1 unlabelled with pseudo-labels (1, 0) at confidences 0.99 and 0.5. */
	@Test
	public void pseudoLabelsWeighByTheImagesShareOfConfidentPixels() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			Operand<TInt32> labels = tf.constant(new int[][][] { { { 0, 1 } }, { { -1, -1 } } });
			Operand<TInt32> pseudo = tf.constant(new int[][][] { { { -1, -1 } }, { { 1, 0 } } });
			Operand<TFloat32> confidence = tf.constant(new float[][][] { { { 1, 1 } }, { { 0.99f, 0.5f } } });
			Operand<TFloat32> unlabelled = Batches.unlabelled(tf, labels);
			Operand<TFloat32> loss = AnatomicalFineTuning.pseudoLabelLoss(tf, tf.zerosLike(tf.constant(
				new float[2][1][2][2])), pseudo, confidence, unlabelled, 2, 0.97f);
			Operand<TInt32> classes = AnatomicalFineTuning.contrastClasses(tf, labels, pseudo, confidence, 0.7f);
			try (Result r = s.runner().fetch(unlabelled).fetch(loss).fetch(classes).run()) {
				assertArrayEquals(new float[] { 0, 1 }, Tensors.read(r.get(0)), 0);
				// both unlabelled pixels: CE ln 2 weighted by 1/2 (one of two pixels confident), mean over 2 pixels
				assertEquals(0.5 * Math.log(2), Tensors.readScalar(r.get(1)), 1e-6);
				assertArrayEquals(new int[] { 0, 1, 1, -1 }, Tensors.readInts(r.get(2)));
			}
		}
	}
}
