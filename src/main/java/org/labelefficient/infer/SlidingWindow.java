package org.labelefficient.infer;

/**
 * Predicts a 3D volume of any size with a {@link WindowPredictor}, one window at a time (memory bounded by one
 * window and the output): windows of the training patch size overlap by a given fraction and their probabilities are
 * averaged with Gaussian weights that favour each window's centre (sigma 1/8 of the window, as nnU-Net). An axis
 * shorter than the window gets one window, padded with the volume's minimum (as training pads) up to that axis's
 * divisor.
 */
public final class SlidingWindow {

	private static final double SIGMA_SCALE = 1.0 / 8;

	private final WindowPredictor network;
	private final int[] window;
	private final double overlap;

	/**
	 * @param window largest window ({@code z, y, x}); each rounded up to the network's divisor
	 * @param overlap fraction of a window shared with its neighbour, in [0, 0.9]
	 */
	public SlidingWindow(WindowPredictor network, int[] window, double overlap) {
		if (overlap < 0 || overlap > 0.9) throw new IllegalArgumentException("overlap must be in [0, 0.9], got "
			+ overlap);
		if (window.length != 3) throw new IllegalArgumentException("a 3D window needs 3 sizes (z, y, x)");
		this.network = network;
		int[] div = network.divisors();
		this.window = new int[3];
		for (int a = 0; a < 3; a++)
			this.window[a] = TiledPrediction.roundUp(Math.max(window[a], 1), div[a]);
		this.overlap = overlap;
	}

	/** Probabilities {@code [depth, height, width, K]} of a volume laid out {@code [depth, height, width]}. */
	public float[] probabilities(float[] volume, int width, int height, int depth) {
		int k = network.numClasses();
		int[] size = { depth, height, width }, div = network.divisors(), win = new int[3];
		int[][] starts = new int[3][];
		for (int a = 0; a < 3; a++) {
			win[a] = Math.min(window[a], TiledPrediction.roundUp(size[a], div[a]));
			starts[a] = TiledPrediction.positions(size[a], win[a], overlap);
		}
		float[] weight = gaussian(win);
		float pad = min(volume);
		float[] sum = new float[volume.length * k], weights = new float[volume.length];
		float[] tile = new float[win[0] * win[1] * win[2]];
		for (int z0 : starts[0])
			for (int y0 : starts[1])
				for (int x0 : starts[2]) {
					copy(volume, size, z0, y0, x0, win, pad, tile);
					float[] p = network.predict(tile, 1, win[0], win[1], win[2]);
					add(p, weight, size, z0, y0, x0, win, k, sum, weights);
				}
		for (int i = 0; i < weights.length; i++)
			for (int c = 0; c < k; c++)
				sum[i * k + c] /= weights[i];
		return sum;
	}

	/** Gaussian importance of each window voxel, 1 at the centre, never below the smallest positive value. */
	static float[] gaussian(int[] win) {
		float[] g = new float[win[0] * win[1] * win[2]];
		float smallest = Float.MAX_VALUE;
		int i = 0;
		for (int z = 0; z < win[0]; z++)
			for (int y = 0; y < win[1]; y++)
				for (int x = 0; x < win[2]; x++) {
					double e = square(z, win[0]) + square(y, win[1]) + square(x, win[2]);
					g[i] = (float) Math.exp(-e);
					if (g[i] > 0) smallest = Math.min(smallest, g[i]);
					i++;
				}
		for (int j = 0; j < g.length; j++)
			g[j] = Math.max(g[j], smallest);
		return g;
	}

	/** {@code (p - centre)^2 / (2 sigma^2)} along one axis of length {@code n}. */
	private static double square(int p, int n) {
		double d = p - (n - 1) / 2.0, sigma = Math.max(n * SIGMA_SCALE, 1e-3);
		return d * d / (2 * sigma * sigma);
	}

	private static void copy(float[] v, int[] size, int z0, int y0, int x0, int[] win, float pad, float[] out) {
		int i = 0;
		for (int z = z0; z < z0 + win[0]; z++)
			for (int y = y0; y < y0 + win[1]; y++)
				for (int x = x0; x < x0 + win[2]; x++)
					out[i++] = z < size[0] && y < size[1] && x < size[2] ? v[(z * size[1] + y) * size[2] + x] : pad;
	}

	private static void add(float[] p, float[] weight, int[] size, int z0, int y0, int x0, int[] win, int k,
		float[] sum, float[] weights) {
		int i = 0;
		for (int z = z0; z < z0 + win[0]; z++)
			for (int y = y0; y < y0 + win[1]; y++)
				for (int x = x0; x < x0 + win[2]; x++, i++) {
					if (z >= size[0] || y >= size[1] || x >= size[2]) continue;
					int t = (z * size[1] + y) * size[2] + x;
					float g = weight[i];
					weights[t] += g;
					for (int c = 0; c < k; c++)
						sum[t * k + c] += g * p[i * k + c];
				}
	}

	private static float min(float[] values) {
		float m = Float.POSITIVE_INFINITY;
		for (float v : values)
			m = Math.min(m, v);
		return m;
	}
}
