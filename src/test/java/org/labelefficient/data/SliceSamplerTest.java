package org.labelefficient.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.Test;
import org.labelefficient.data.BatchPlan.LabelKind;
import org.labelefficient.io.BadInputException;

public class SliceSamplerTest {

	/** A 20x12 slice whose image value at each pixel is its dense label x + 20 y (mod 100) plus 1000. */
	private static TrainingSlice slice() {
		int w = 20, h = 12;
		float[] image = new float[w * h];
		byte[] dense = new byte[w * h];
		for (int i = 0; i < w * h; i++) {
			dense[i] = (byte) (i % 100);
			image[i] = 1000 + dense[i];
		}
		return new TrainingSlice("a", 0, w, h, image, dense, null);
	}

	@Test
	public void cropsPadsAndAugmentsImageAndLabelsTogether() {
		SliceSampler sampler = new SliceSampler(List.of(slice()), 16, true);
		Random random = new Random(7);
		for (int round = 0; round < 50; round++) {
			Batch b = sampler.next(random, new BatchPlan(2, 0, LabelKind.DENSE));
			assertEquals(2 * 16 * 16, b.images().length);
			int padded = 0;
			for (int i = 0; i < b.labels().length; i++) {
				if (b.labels()[i] < 0) {
					assertEquals("padding takes the slice minimum", 1000, b.images()[i], 0);
					padded++;
				}
				else assertEquals(1000 + b.labels()[i], b.images()[i], 0);
			}
			assertTrue("height 12 < 16 needs padding", padded >= 2 * 4 * 16);
		}
	}

	@Test
	public void sameRandomStateGivesTheSameBatch() {
		SliceSampler sampler = new SliceSampler(List.of(slice()), 16, true);
		BatchPlan plan = new BatchPlan(3, 0, LabelKind.DENSE);
		Batch a = sampler.next(new Random(3), plan), b = sampler.next(new Random(3), plan);
		assertArrayEquals(a.images(), b.images(), 0);
		assertArrayEquals(a.labels(), b.labels());
	}

	@Test
	public void withoutAugmentationTheCropIsUnrotated() {
		SliceSampler sampler = new SliceSampler(List.of(slice()), 16, false);
		Batch b = sampler.next(new Random(1), new BatchPlan(1, 0, LabelKind.DENSE));
		for (int y = 0; y < 16; y++)
			for (int x = 1; x < 16; x++) {
				int l = b.labels()[y * 16 + x], left = b.labels()[y * 16 + x - 1];
				if (l >= 0 && left >= 0) assertEquals((left + 1) % 100, l);
			}
	}

	@Test
	public void unlabelledSamplesCarryNoLabelsAndMissingAnnotationIsReported() {
		SliceSampler sampler = new SliceSampler(List.of(slice()), 16, true);
		Batch b = sampler.next(new Random(2), new BatchPlan(1, 1, LabelKind.DENSE));
		for (int i = 256; i < 512; i++)
			assertEquals(-1, b.labels()[i]);
		BadInputException e = assertThrows(BadInputException.class, () -> sampler.check(new BatchPlan(1, 0,
			LabelKind.SCRIBBLE), "pce"));
		assertTrue(e.getMessage(), e.getMessage().contains("scribbles"));
	}
}
