package org.labelefficient.nn;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Copies between Java arrays and TensorFlow tensors. Callers close the tensors they create. */
public final class Tensors {

	private Tensors() {}

	/** A float tensor of the given shape holding {@code values} (row-major). */
	public static TFloat32 floats(float[] values, long... shape) {
		return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
	}

	/** An int tensor of the given shape holding {@code values} (row-major). */
	public static TInt32 ints(int[] values, long... shape) {
		return TInt32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
	}

	/** A long vector. */
	public static TInt64 longs(long... values) {
		return TInt64.vectorOf(values);
	}

	/** A float scalar. */
	public static TFloat32 scalar(float value) {
		return TFloat32.scalarOf(value);
	}

	/** All values of a float tensor, row-major. */
	public static float[] read(Tensor tensor) {
		TFloat32 t = (TFloat32) tensor;
		float[] out = new float[Math.toIntExact(t.shape().size())];
		t.copyTo(DataBuffers.of(out, false, false));
		return out;
	}

	/** All values of an int tensor, row-major. */
	public static int[] readInts(Tensor tensor) {
		TInt32 t = (TInt32) tensor;
		int[] out = new int[Math.toIntExact(t.shape().size())];
		t.copyTo(DataBuffers.of(out, false, false));
		return out;
	}

	/** The single value of a float scalar tensor. */
	public static float readScalar(Tensor tensor) {
		return ((TFloat32) tensor).getFloat();
	}
}
