package org.labelefficient.io;

/**
 * Resizes row-major 2D arrays: bilinear for intensities and probabilities (pixel centres aligned, as
 * {@code align_corners=false} in TensorFlow and PyTorch; edges repeat), nearest neighbour for labels, whose values
 * must not be mixed. Used to feed whole slices to a network of fixed input size and to bring its output back.
 */
public final class Resample {

	private Resample() {}

	/** Bilinear resize of {@code [height][width][channels]} values to {@code [newHeight][newWidth][channels]}. */
	public static float[] bilinear(float[] src, int width, int height, int channels, int newWidth, int newHeight) {
		check(src.length, width, height, channels, newWidth, newHeight);
		float[] out = new float[newWidth * newHeight * channels];
		int[] x0 = new int[newWidth], x1 = new int[newWidth];
		float[] fx = new float[newWidth];
		axis(width, newWidth, x0, x1, fx);
		int[] y0 = new int[newHeight], y1 = new int[newHeight];
		float[] fy = new float[newHeight];
		axis(height, newHeight, y0, y1, fy);
		for (int y = 0; y < newHeight; y++)
			for (int x = 0; x < newWidth; x++) {
				int a = (y0[y] * width + x0[x]) * channels, b = (y0[y] * width + x1[x]) * channels;
				int c = (y1[y] * width + x0[x]) * channels, d = (y1[y] * width + x1[x]) * channels;
				int o = (y * newWidth + x) * channels;
				for (int k = 0; k < channels; k++) {
					float top = src[a + k] + fx[x] * (src[b + k] - src[a + k]);
					float bottom = src[c + k] + fx[x] * (src[d + k] - src[c + k]);
					out[o + k] = top + fy[y] * (bottom - top);
				}
			}
		return out;
	}

	/** Nearest-neighbour resize of {@code [height][width]} labels. */
	public static byte[] nearest(byte[] src, int width, int height, int newWidth, int newHeight) {
		check(src.length, width, height, 1, newWidth, newHeight);
		byte[] out = new byte[newWidth * newHeight];
		for (int y = 0; y < newHeight; y++) {
			int sy = nearestIndex(y, height, newHeight);
			for (int x = 0; x < newWidth; x++)
				out[y * newWidth + x] = src[sy * width + nearestIndex(x, width, newWidth)];
		}
		return out;
	}

	/** The source pixel whose centre is nearest to the centre of output pixel {@code i}. */
	private static int nearestIndex(int i, int size, int newSize) {
		return Math.min(size - 1, (int) Math.floor((i + 0.5) * size / newSize));
	}

	/** Source neighbours and weight of each output position along one axis (centres aligned, edges clamped). */
	private static void axis(int size, int newSize, int[] lo, int[] hi, float[] weight) {
		double scale = (double) size / newSize;
		for (int i = 0; i < newSize; i++) {
			double s = Math.max(0, (i + 0.5) * scale - 0.5);
			int l = Math.min((int) Math.floor(s), size - 1);
			lo[i] = l;
			hi[i] = Math.min(l + 1, size - 1);
			weight[i] = (float) (s - l);
		}
	}

	private static void check(int length, int width, int height, int channels, int newWidth, int newHeight) {
		if (width < 1 || height < 1 || newWidth < 1 || newHeight < 1 || length != width * height * channels)
			throw new IllegalArgumentException("cannot resize " + length + " values as " + width + "x" + height + "x"
				+ channels + " to " + newWidth + "x" + newHeight);
	}
}
