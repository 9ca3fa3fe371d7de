package org.labelefficient.infer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TiledPredictionTest {

	@Test
	public void tilesCoverTheImageAndAveragesReproduceAPixelwiseNetwork() {
		int w = 37, h = 21;
		float[] slice = new float[w * h];
		for (int i = 0; i < slice.length; i++)
			slice[i] = (i % 13) / 13f;
		PixelwiseNetwork net = new PixelwiseNetwork(8);
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
		PixelwiseNetwork net = new PixelwiseNetwork(8);
		new TiledPrediction(net, 64, 0.25).probabilities(new float[10 * 5], 10, 5);
		assertEquals(1, net.calls.size());
		assertArrayEquals(new int[] { 1, 8, 16 }, net.calls.get(0));
	}

	@Test
	public void tilePositionsEndAtTheBorder() {
		TiledPrediction t = new TiledPrediction(new PixelwiseNetwork(8), 16, 0.25);
		assertArrayEquals(new int[] { 0, 12, 24, 34 }, t.positions(50));
		assertArrayEquals(new int[] { 0 }, t.positions(16));
	}
}
