package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The representation head on its grid: output size for each stride, classes taken at cell centres and probabilities
 * averaged over cells, against values computed directly.
 */
public class RepresentationHeadTest {

	private static final int P = 16;

	/** Decoder maps of a 3-level U-Net on a 16x16 input: 4x4 (2 channels), 8x8 (3), 16x16 (1). */
	private static List<Operand<TFloat32>> decoder(Ops tf) {
		return List.of(tf.zeros(tf.constant(new int[] { 2, 4, 4, 2 }), TFloat32.class), tf.zeros(tf.constant(new int[] {
			2, 8, 8, 3 }), TFloat32.class), tf.random.statelessRandomNormal(tf.constant(new int[] { 2, P, P, 1 }), tf
				.constant(new long[] { 1, 2 }), TFloat32.class));
	}

	private static long[] shapeFor(int stride) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			RepresentationHead head = new RepresentationHead(new ParameterSet(tf, "r"), 6, 5, stride);
			Operand<TFloat32> out = head.apply(tf, decoder(tf));
			head.weights().initialize(s, 1);
			try (Result r = s.runner().fetch(out).run()) {
				return r.get(0).shape().asArray();
			}
		}
	}

	@Test
	public void theRepresentationLiesOnTheGrid() {
		assertArrayEquals(new long[] { 2, 16, 16, 5 }, shapeFor(1));
		assertArrayEquals(new long[] { 2, 8, 8, 5 }, shapeFor(2));
		assertArrayEquals(new long[] { 2, 4, 4, 5 }, shapeFor(4));
	}

	@Test
	public void aStrideCoarserThanTheBottleneckOrNotAPowerOfTwoIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> shapeFor(8));
		try (Graph g = new Graph()) {
			Ops tf = Ops.create(g);
			assertThrows(IllegalArgumentException.class, () -> new RepresentationHead(new ParameterSet(tf, "r"), 6, 5,
				3));
		}
	}

	@Test
	public void classesAreTheCellCentresAndProbabilitiesTheCellMeans() {
		int[] classes = new int[P * P];
		float[] probabilities = new float[P * P * 2];
		for (int i = 0; i < P * P; i++) {
			classes[i] = i;
			probabilities[2 * i] = i;
			probabilities[2 * i + 1] = -i;
		}
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			RepresentationHead head = new RepresentationHead(new ParameterSet(tf, "r"), 6, 5, 4);
			Operand<TInt32> c = head.classesOnGrid(tf, tf.reshape(tf.constant(classes), tf.constant(new int[] { 1, P,
				P })));
			Operand<TFloat32> p = head.probabilitiesOnGrid(tf, tf.reshape(tf.constant(probabilities), tf.constant(
				new int[] { 1, P, P, 2 })));
			try (Result r = s.runner().fetch(c).fetch(p).run()) {
				assertArrayEquals(new long[] { 1, 4, 4 }, r.get(0).shape().asArray());
				int[] cv = Tensors.readInts(r.get(0));
				float[] pv = Tensors.read(r.get(1));
				for (int i = 0; i < 4; i++)
					for (int j = 0; j < 4; j++) {
						assertEquals((4 * i + 2) * P + 4 * j + 2, cv[i * 4 + j]);
						// the mean of y * 16 + x over a 4x4 block starting at (4i, 4j)
						double mean = (4 * i + 1.5) * P + 4 * j + 1.5;
						assertEquals(mean, pv[2 * (i * 4 + j)], 1e-4);
						assertEquals(-mean, pv[2 * (i * 4 + j) + 1], 1e-4);
					}
			}
		}
	}
}
