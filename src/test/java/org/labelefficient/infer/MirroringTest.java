package org.labelefficient.infer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.Test;

/** Test-time mirroring: every flip is predicted once, flipped back and averaged, in 2D and 3D. */
public class MirroringTest {

	@Test
	public void flipReversesTheChosenAxesOnlyAndIsItsOwnInverse() {
		// [1, 2, 3] with 2 channels: value = 10 * (3y + x) + channel
		float[] data = new float[12];
		for (int y = 0; y < 2; y++)
			for (int x = 0; x < 3; x++)
				for (int c = 0; c < 2; c++)
					data[(y * 3 + x) * 2 + c] = 10 * (3 * y + x) + c;
		int[] shape = { 1, 2, 3 };
		assertArrayEquals(new float[] { 30, 31, 40, 41, 50, 51, 0, 1, 10, 11, 20, 21 }, Mirroring.flip(data, shape, 2,
			1), 0);
		assertArrayEquals(new float[] { 20, 21, 10, 11, 0, 1, 50, 51, 40, 41, 30, 31 }, Mirroring.flip(data, shape, 2,
			2), 0);
		assertArrayEquals(data, Mirroring.flip(Mirroring.flip(data, shape, 2, 3), shape, 2, 3), 0);
		// the batch axis is never flipped: two tiles keep their order
		float[] two = { 1, 2, 3, 4 };
		assertArrayEquals(new float[] { 2, 1, 4, 3 }, Mirroring.flip(two, new int[] { 2, 1, 2 }, 1, 2), 0);
	}

	@Test
	public void aNetworkThatCommutesWithFlipsIsUnchanged() {
		PixelwiseNetwork network = new PixelwiseNetwork(1);
		float[] tiles = random(2 * 5 * 7, 3);
		float[] plain = network.predict(tiles, 2, 5, 7);
		network.calls.clear();
		assertArrayEquals(plain, Mirroring.of(network).predict(tiles, 2, 5, 7), 1e-6f);
		assertEquals("one pass per flip", 4, network.calls.size());
	}

	/**
	 * A network whose class-1 probability is the column's position x / (w - 1), whatever the input: half the flips see
	 * it mirrored, so flipped back and averaged it is 0.5 everywhere; its inputs must be the image and its 3 flips.
	 */
	@Test
	public void eachFlipIsPredictedOnceAndFlippedBack() {
		int h = 3, w = 5;
		List<float[]> inputs = new ArrayList<>();
		SlicePredictor columns = new SlicePredictor() {

			@Override
			public int numClasses() {
				return 2;
			}

			@Override
			public int sizeDivisor() {
				return 1;
			}

			@Override
			public float[] predict(float[] tiles, int n, int height, int width) {
				inputs.add(tiles.clone());
				float[] out = new float[tiles.length * 2];
				for (int i = 0; i < tiles.length; i++) {
					float p = (float) (i % width) / (width - 1);
					out[2 * i] = 1 - p;
					out[2 * i + 1] = p;
				}
				return out;
			}
		};
		float[] tile = random(h * w, 5);
		float[] p = Mirroring.of(columns).predict(tile, 1, h, w);
		for (float v : p)
			assertEquals(0.5f, v, 1e-6f);
		assertEquals(4, inputs.size());
		int[] shape = { 1, h, w };
		for (int axes = 0; axes < 4; axes++) {
			float[] flipped = Mirroring.flip(tile, shape, 1, axes);
			assertTrue("flip " + axes + " predicted", inputs.stream().anyMatch(in -> Arrays.equals(in, flipped)));
		}
	}

	/** The same in 3D along depth: 8 passes, the depth-dependent output averaged to 0.5. */
	@Test
	public void windowsAreAveragedOverTheirEightFlips() {
		int[] calls = { 0 };
		WindowPredictor depth = new WindowPredictor() {

			@Override
			public int numClasses() {
				return 2;
			}

			@Override
			public int[] divisors() {
				return new int[] { 1, 1, 1 };
			}

			@Override
			public float[] predict(float[] windows, int n, int d, int height, int width) {
				calls[0]++;
				float[] out = new float[windows.length * 2];
				for (int i = 0; i < windows.length; i++) {
					float p = (float) (i / (height * width) % d) / (d - 1);
					out[2 * i] = 1 - p;
					out[2 * i + 1] = p;
				}
				return out;
			}
		};
		float[] p = Mirroring.of(depth).predict(random(2 * 4 * 3 * 2, 7), 2, 4, 3, 2);
		for (float v : p)
			assertEquals(0.5f, v, 1e-6f);
		assertEquals(8, calls[0]);
	}

	private static float[] random(int n, long seed) {
		Random r = new Random(seed);
		float[] a = new float[n];
		for (int i = 0; i < n; i++)
			a[i] = r.nextFloat();
		return a;
	}
}
