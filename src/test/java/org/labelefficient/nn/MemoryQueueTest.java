package org.labelefficient.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The FIFO memory of teacher embeddings: overwrite of the oldest rows and wrap of the pointer. */
public class MemoryQueueTest {

	@Test
	public void batchesOverwriteTheOldestRowsAndThePointerWraps() {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			MemoryQueue queue = new MemoryQueue(new ParameterSet(tf, "queue"), 3, 2);
			Placeholder<TFloat32> keys = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
			Op enqueue = queue.enqueue(tf, keys);
			queue.weights().initialize(s, 1);
			float[] initial = queue.weights().read(s).get("entries");
			push(s, keys, enqueue, new float[] { 1, 1, 2, 2 });
			assertArrayEquals(new float[] { 1, 1, 2, 2, initial[4], initial[5] }, entries(s, queue), 0);
			assertEquals(2, queue.weights().read(s).get("pointer")[0], 0);
			push(s, keys, enqueue, new float[] { 3, 3, 4, 4 }); // rows 2 and 0: the oldest ones
			assertArrayEquals(new float[] { 4, 4, 2, 2, 3, 3 }, entries(s, queue), 0);
			assertEquals(1, queue.weights().read(s).get("pointer")[0], 0);
			push(s, keys, enqueue, new float[] { 5, 5, 6, 6, 7, 7 }); // a full turn from row 1
			assertArrayEquals(new float[] { 7, 7, 5, 5, 6, 6 }, entries(s, queue), 0);
			assertEquals(1, queue.weights().read(s).get("pointer")[0], 0);
		}
	}

	private static void push(Session s, Placeholder<TFloat32> keys, Op enqueue, float[] values) {
		try (Tensor t = Tensors.floats(values, values.length / 2, 2)) {
			s.runner().feed(keys, t).addTarget(enqueue).run().close();
		}
	}

	private static float[] entries(Session s, MemoryQueue queue) {
		try (Result r = s.runner().fetch(queue.entries()).run()) {
			return Tensors.read(r.get(0));
		}
	}
}
