package org.labelefficient.infer;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake two-class network for prediction tests: class 1 probability = the pixel value, class 0 = 1 - value; records
 * the {@code [n, height, width]} of every call.
 */
final class PixelwiseNetwork implements SlicePredictor {

	final List<int[]> calls = new ArrayList<>();
	private final int sizeDivisor;

	PixelwiseNetwork(int sizeDivisor) {
		this.sizeDivisor = sizeDivisor;
	}

	@Override
	public int numClasses() {
		return 2;
	}

	@Override
	public int sizeDivisor() {
		return sizeDivisor;
	}

	@Override
	public float[] predict(float[] tiles, int n, int height, int width) {
		calls.add(new int[] { n, height, width });
		float[] out = new float[tiles.length * 2];
		for (int i = 0; i < tiles.length; i++) {
			out[2 * i] = 1 - tiles[i];
			out[2 * i + 1] = tiles[i];
		}
		return out;
	}
}
