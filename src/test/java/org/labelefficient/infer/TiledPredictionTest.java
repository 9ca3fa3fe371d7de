package org.labelefficient.infer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class TiledPredictionTest {

	/** A fake network: class 1 probability = the pixel value, class 0 = 1 - value; records tile sizes. */
	private static final class Identity implements SlicePredictor {

		final List<int[]> calls = new ArrayList<>();

		@Override
		public int numClasses() {
			return 2;
		}

		@Override
		public int sizeDivisor() {
			return 8;
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

	@Test
	public void tilesCoverTheImageAndAveragesReproduceAPixelwiseNetwork() {
		int w = 37, h = 21;
		float[] slice = new float[w * h];
		for (int i = 0; i < slice.length; i++)
			slice[i] = (i % 13) / 13f;
		Identity net = new Identity();
		float[] p = new TiledPrediction(net, 16, 0.5).probabilities(slice, w, h);
		for (int i = 0; i < slice.length; i++) {
			assertEquals(slice[i], p[2 * i + 1], 1e-6);
			assertEquals(1 - slice[i], p[2 * i], 1e-6);
		}
		for (int[] call : net.calls)
			assertArrayEquals(new int[] { 16, 16 }, new int[] { call[1], call[2] });
	}

	@Test
	public void smallImagesArePaddedToTheDivisorInOneTile() {
		Identity net = new Identity();
		new TiledPrediction(net, 64, 0.25).probabilities(new float[10 * 5], 10, 5);
		assertEquals(1, net.calls.size());
		assertArrayEquals(new int[] { 1, 8, 16 }, net.calls.get(0));
	}

	@Test
	public void tilePositionsEndAtTheBorder() {
		TiledPrediction t = new TiledPrediction(new Identity(), 16, 0.25);
		assertArrayEquals(new int[] { 0, 12, 24, 34 }, t.positions(50));
		assertArrayEquals(new int[] { 0 }, t.positions(16));
	}
}
