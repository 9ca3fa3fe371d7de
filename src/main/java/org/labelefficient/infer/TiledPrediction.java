package org.labelefficient.infer;

/**
 * Predicts a 2D slice of any size with a {@link SlicePredictor}: a slice that fits in one tile is padded up to the
 * size divisor; a larger one is covered by overlapping tiles whose softmax outputs are averaged. Padding uses the
 * slice minimum, as the training batches do.
 */
public final class TiledPrediction implements SliceInference {

	private static final int TILES_PER_BATCH = 4;

	private final SlicePredictor network;
	private final int tileSize;
	private final double overlap;

	/**
	 * @param tileSize largest tile edge (the training patch size is a good choice); rounded up to the size divisor
	 * @param overlap fraction of a tile shared with its neighbour, in [0, 0.9]
	 */
	public TiledPrediction(SlicePredictor network, int tileSize, double overlap) {
		if (overlap < 0 || overlap > 0.9) throw new IllegalArgumentException("overlap must be in [0, 0.9], got "
			+ overlap);
		this.network = network;
		this.tileSize = roundUp(Math.max(tileSize, 1), network.sizeDivisor());
		this.overlap = overlap;
	}

	@Override
	public float[] probabilities(float[] slice, int width, int height) {
		int k = network.numClasses();
		int[] xs = positions(width), ys = positions(height);
		int tw = Math.min(tileSize, roundUp(width, network.sizeDivisor()));
		int th = Math.min(tileSize, roundUp(height, network.sizeDivisor()));
		float pad = min(slice);
		float[] sum = new float[width * height * k];
		int[] count = new int[width * height];
		int total = xs.length * ys.length;
		for (int first = 0; first < total; first += TILES_PER_BATCH) {
			int n = Math.min(TILES_PER_BATCH, total - first);
			float[] tiles = new float[n * th * tw];
			for (int t = 0; t < n; t++)
				copyTile(slice, width, height, xs[(first + t) % xs.length], ys[(first + t) / xs.length], tw, th, pad,
					tiles, t * th * tw);
			float[] probs = network.predict(tiles, n, th, tw);
			for (int t = 0; t < n; t++)
				addTile(probs, t * th * tw * k, xs[(first + t) % xs.length], ys[(first + t) / xs.length], tw, th,
					width, height, k, sum, count);
		}
		for (int i = 0; i < count.length; i++)
			for (int c = 0; c < k; c++)
				sum[i * k + c] /= count[i];
		return sum;
	}

	/** Tile start positions along an axis of the given length. */
	int[] positions(int length) {
		return positions(length, tileSize, overlap);
	}

	/**
	 * Start positions of windows of {@code window} along an axis of {@code length}, sharing {@code overlap} of a
	 * window with the neighbour, the last one flush with the end (2D tiles and 3D sliding windows alike).
	 */
	static int[] positions(int length, int window, double overlap) {
		if (length <= window) return new int[] { 0 };
		int stride = Math.max(1, (int) Math.floor(window * (1 - overlap)));
		int n = (int) Math.ceil((double) (length - window) / stride) + 1;
		int[] p = new int[n];
		for (int i = 0; i < n; i++)
			p[i] = Math.min(i * stride, length - window);
		return p;
	}

	private static void copyTile(float[] slice, int width, int height, int x0, int y0, int tw, int th, float pad,
		float[] out, int offset) {
		for (int y = 0; y < th; y++)
			for (int x = 0; x < tw; x++) {
				int sx = x0 + x, sy = y0 + y;
				out[offset + y * tw + x] = sx < width && sy < height ? slice[sy * width + sx] : pad;
			}
	}

	private static void addTile(float[] probs, int offset, int x0, int y0, int tw, int th, int width, int height,
		int k, float[] sum, int[] count) {
		for (int y = 0; y < th && y0 + y < height; y++)
			for (int x = 0; x < tw && x0 + x < width; x++) {
				int target = (y0 + y) * width + x0 + x;
				count[target]++;
				int source = offset + (y * tw + x) * k;
				for (int c = 0; c < k; c++)
					sum[target * k + c] += probs[source + c];
			}
	}

	private static float min(float[] values) {
		float m = Float.POSITIVE_INFINITY;
		for (float v : values)
			m = Math.min(m, v);
		return m;
	}

	static int roundUp(int value, int divisor) {
		return (value + divisor - 1) / divisor * divisor;
	}
}
