package org.labelefficient.infer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.labelefficient.io.Sampling;
import org.labelefficient.io.Volume;

public class WholeSlicePredictionTest {

	@Test
	public void aSliceOfAnySizeIsPredictedInOnePassAtThePatchSizeAndComesBackAtItsOwnSize() {
		int w = 70, h = 45;
		float[] slice = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				slice[y * w + x] = x < w / 2 ? 0.1f : 0.9f;
		PixelwiseNetwork net = new PixelwiseNetwork(16);
		float[] p = new WholeSlicePrediction(net, 30).probabilities(slice, w, h);
		assertEquals(1, net.calls.size());
		assertArrayEquals(new int[] { 1, 32, 32 }, net.calls.get(0)); // 30 rounded up to the size divisor
		assertEquals(w * h * 2, p.length);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				assertEquals(1f, p[2 * i] + p[2 * i + 1], 1e-5f);
				// far from the step the values pass through unchanged; the step itself stays within one source pixel
				if (Math.abs(x - w / 2) > 2) assertEquals(slice[i], p[2 * i + 1], 1e-5f);
			}
	}

	@Test
	public void theSegmenterPredictsTheWayTheModelWasTrained() {
		Volume image = new Volume(new float[64 * 48 * 2], 64, 48, 2, new double[] { 1, 1, 1 });
		for (int i = 0; i < image.data().length; i++)
			image.data()[i] = (i % 64) < 20 ? 0.2f : 0.8f;
		PixelwiseNetwork whole = new PixelwiseNetwork(16), tiled = new PixelwiseNetwork(16);
		Volume a = new VolumeSegmenter(whole, Sampling.SLICE, 32, 0.25).segment(image, false).labels();
		Volume b = new VolumeSegmenter(tiled, Sampling.CROP, 32, 0.25).segment(image, false).labels();
		assertEquals(2, whole.calls.size()); // one pass per slice
		for (int[] call : whole.calls)
			assertArrayEquals(new int[] { 1, 32, 32 }, call);
		assertEquals(2 * 6, tiled.calls.stream().mapToInt(c -> c[0]).sum()); // 3 x 2 tiles per slice
		for (int i = 0; i < image.data().length; i++) {
			int x = i % 64;
			if (Math.abs(x - 20) > 2) assertEquals(a.data()[i], b.data()[i], 0f);
		}
	}
}
