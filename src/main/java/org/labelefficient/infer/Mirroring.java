package org.labelefficient.infer;

import java.util.function.UnaryOperator;

/**
 * Test-time mirroring, nnU-Net's default at prediction: a network's class probabilities averaged over the input and
 * its flips along every spatial axis, each flipped output flipped back (4 passes for a 2D tile, 8 for a 3D window).
 * The networks are trained on flipped patches ({@code augment=true}), so every flip is as valid an input as the
 * original; the average evens out errors that depend on the orientation, at 4 or 8 times the prediction time.
 */
public final class Mirroring {

	private Mirroring() {}

	/** {@code network} predicting every tile as the mean over its 4 flips. */
	public static SlicePredictor of(SlicePredictor network) {
		return new SlicePredictor() {

			@Override
			public int numClasses() {
				return network.numClasses();
			}

			@Override
			public int sizeDivisor() {
				return network.sizeDivisor();
			}

			@Override
			public float[] predict(float[] tiles, int n, int height, int width) {
				int[] shape = { n, height, width };
				return average(tiles, shape, network.numClasses(), flipped -> network.predict(flipped, n, height,
					width));
			}
		};
	}

	/** {@code network} predicting every window as the mean over its 8 flips. */
	public static WindowPredictor of(WindowPredictor network) {
		return new WindowPredictor() {

			@Override
			public int numClasses() {
				return network.numClasses();
			}

			@Override
			public int[] divisors() {
				return network.divisors();
			}

			@Override
			public float[] predict(float[] windows, int n, int depth, int height, int width) {
				int[] shape = { n, depth, height, width };
				return average(windows, shape, network.numClasses(), flipped -> network.predict(flipped, n, depth,
					height, width));
			}
		};
	}

	/**
	 * The mean of {@code predict} over every flip of {@code input} (shape {@code [n, spatial...]}, one channel), each
	 * output ({@code [n, spatial..., k]}) flipped back.
	 */
	private static float[] average(float[] input, int[] shape, int k, UnaryOperator<float[]> predict) {
		int flips = 1 << (shape.length - 1);
		float[] sum = null;
		for (int axes = 0; axes < flips; axes++) {
			float[] out = flip(predict.apply(flip(input, shape, 1, axes)), shape, k, axes);
			if (sum == null) sum = out;
			else for (int i = 0; i < sum.length; i++)
				sum[i] += out[i];
		}
		for (int i = 0; i < sum.length; i++)
			sum[i] /= flips;
		return sum;
	}

	/**
	 * {@code data} laid out {@code [shape..., channels]} row-major, reversed along the spatial axes whose bits are set
	 * in {@code axes} (bit 0: the first axis after the batch axis {@code shape[0]}); {@code axes == 0} returns
	 * {@code data} itself. A flip is its own inverse.
	 */
	static float[] flip(float[] data, int[] shape, int channels, int axes) {
		if (axes == 0) return data;
		int[] stride = new int[shape.length];
		stride[shape.length - 1] = channels;
		for (int a = shape.length - 2; a >= 0; a--)
			stride[a] = stride[a + 1] * shape[a + 1];
		float[] out = new float[data.length];
		int[] at = new int[shape.length];
		for (int voxel = 0; voxel < data.length / channels; voxel++) {
			int source = at[0] * stride[0];
			for (int a = 1; a < shape.length; a++)
				source += ((axes >> (a - 1) & 1) == 1 ? shape[a] - 1 - at[a] : at[a]) * stride[a];
			System.arraycopy(data, source, out, voxel * channels, channels);
			for (int a = shape.length - 1; a >= 0 && ++at[a] == shape[a]; a--)
				at[a] = 0;
		}
		return out;
	}
}
