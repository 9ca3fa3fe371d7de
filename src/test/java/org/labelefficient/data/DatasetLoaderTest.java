package org.labelefficient.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.SyntheticCardiac;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;

public class DatasetLoaderTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final SyntheticCardiac gen = new SyntheticCardiac(48, 2, 255);

	/** Scribbled training cases s0..s(n-1) and densely labelled validation cases v0, v1 listed in val_patients.txt. */
	private Path dataset(int scribbled) throws Exception {
		Path root = tmp.newFolder("ds").toPath();
		for (int i = 0; i < scribbled; i++) {
			SyntheticCardiac.Case c = gen.generate(i);
			VolumeIO.write(c.image(), root.resolve("images/s" + i + ".nii.gz"), VoxelType.FLOAT32);
			VolumeIO.write(c.scribble(), root.resolve("scribbles/s" + i + ".tif"), VoxelType.UINT8);
		}
		for (int i = 0; i < 2; i++) {
			SyntheticCardiac.Case c = gen.generate(100 + i);
			VolumeIO.write(c.image(), root.resolve("images/v" + i + ".nii.gz"), VoxelType.FLOAT32);
			VolumeIO.write(c.label(), root.resolve("labels/v" + i + ".nii"), VoxelType.UINT8);
		}
		Files.writeString(root.resolve("val_patients.txt"), "v0\nv1\n");
		return root;
	}

	private static DatasetSpec spec(Path folder, int unlabelled, int labelledPatients) {
		return new DatasetSpec(folder, unlabelled, labelledPatients, 0, 0.2, "train_patients.txt",
			"val_patients.txt", Normalization.ZSCORE, 1);
	}

	@Test
	public void folderDatasetIsSplitCheckedAndSliced() throws Exception {
		Dataset d = DatasetLoader.load(spec(dataset(3), 255, -1));
		assertEquals(4, d.numClasses());
		assertEquals(List.of("s0", "s1", "s2"), d.trainingCases());
		assertEquals(6, d.slices().size());
		assertEquals(6, d.scribbleSlices());
		assertEquals(0, d.denseSlices());
		assertEquals(2, d.validation().size());
		for (long count : d.scribbleCounts())
			assertTrue(java.util.Arrays.toString(d.scribbleCounts()), count > 0);
		TrainingSlice s = d.slices().get(0);
		assertEquals(48 * 48, s.image().length);
		assertNull(s.dense());
		double mean = 0;
		for (float v : d.validation().get(0).image().data())
			mean += v;
		assertEquals("validation image z-scored", 0, mean / (48 * 48 * 2), 1e-4);
	}

	@Test
	public void labelledPatientsKeepsOnlyTheFirstPatientsAnnotations() throws Exception {
		Dataset d = DatasetLoader.load(spec(dataset(3), 255, 1));
		assertEquals(List.of("s1", "s2"), d.unlabelledCases());
		assertEquals(2, d.scribbleSlices());
		assertEquals(4, d.unlabelledSlices());
	}

	@Test
	public void labelOfAnotherSizeIsRejectedNamingTheFile() throws Exception {
		Path root = dataset(1);
		VolumeIO.write(Volume.zeros(47, 48, 2, new double[] { 1, 1, 1 }), root.resolve("labels/v1.nii"),
			VoxelType.UINT8);
		BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(spec(root, 255, -1)));
		assertTrue(e.getMessage(), e.getMessage().contains("v1.nii") && e.getMessage().contains("size"));
	}

	@Test
	public void scribbleValueOutsideTheClassesSuggestsTheUnlabelledValue() throws Exception {
		Path root = dataset(1);
		SyntheticCardiac.Case c = new SyntheticCardiac(48, 2, 4).generate(0);
		VolumeIO.write(c.scribble(), root.resolve("scribbles/s0.tif"), VoxelType.UINT8);
		BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(spec(root, 255, -1)));
		assertTrue(e.getMessage(), e.getMessage().contains("s0.tif") && e.getMessage().contains(
			"unlabelled_value=4"));
		assertEquals(4, DatasetLoader.load(spec(root, 4, -1)).numClasses());
	}

	@Test
	public void annotationWithoutImageIsRejected() throws Exception {
		Path root = dataset(1);
		VolumeIO.write(gen.generate(0).label(), root.resolve("labels/orphan.tif"), VoxelType.UINT8);
		BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(spec(root, 255, -1)));
		assertTrue(e.getMessage(), e.getMessage().contains("orphan.tif"));
	}

	@Test
	public void nanPixelsAreRejected() throws Exception {
		Path root = dataset(1);
		Volume image = gen.generate(0).image();
		image.set(3, 4, 1, Float.NaN);
		VolumeIO.write(image, root.resolve("images/s0.nii.gz"), VoxelType.FLOAT32);
		BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(spec(root, 255, -1)));
		assertTrue(e.getMessage(), e.getMessage().contains("s0.nii.gz") && e.getMessage().contains("NaN"));
	}

	@Test
	public void emptyScribblesAreRejected() throws Exception {
		Path root = dataset(1);
		Volume empty = Volume.zeros(48, 48, 2, new double[] { 1, 1, 1 });
		java.util.Arrays.fill(empty.data(), 255);
		VolumeIO.write(empty, root.resolve("scribbles/s0.tif"), VoxelType.UINT8);
		BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(spec(root, 255, -1)));
		assertTrue(e.getMessage(), e.getMessage().contains("no annotated pixel"));
	}

	@Test
	public void folderWithoutImagesIsNotADataset() throws Exception {
		Path root = tmp.newFolder("empty").toPath();
		BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(spec(root, 255, -1)));
		assertTrue(e.getMessage(), e.getMessage().startsWith(root.toString()));
	}

	@Test
	public void annotationsConvertToBytesWithUnlabelledAsMinusOne() {
		Volume v = new Volume(new float[] { 0, 3, 255, 1 }, 4, 1, 1);
		assertArrayEquals(new byte[] { 0, 3, -1, 1 }, Annotations.scribble(v, 4, 255, "x"));
		assertThrows(BadInputException.class, () -> Annotations.dense(v, 4, "x"));
		assertArrayEquals(new long[] { 1, 1, 0, 1 }, Annotations.classCounts(Annotations.scribble(v, 4, 255, "x"),
			4));
	}

	@Test
	public void backgroundOutsideStrokesMarksAsManyUnannotatedPixelsBeyondTheMarginAsTheSliceHasStrokes() {
		byte u = Annotations.UNLABELLED;
		// slice 0 (6 x 5): foreground strokes at (2,1) and (3,2), a background stroke at (5,4); slice 1: background only
		byte[] s = new byte[60];
		Arrays.fill(s, u);
		s[1 * 6 + 2] = 1;
		s[2 * 6 + 3] = 2;
		s[4 * 6 + 5] = 0;
		s[30] = 0;
		byte[] before = s.clone();
		assertEquals("one pixel per stroke", 3, Annotations.backgroundOutsideStrokes(s, 6, 5, 1, new Random(1)));
		int marked = 0;
		for (int i = 0; i < 30; i++) {
			int x = i % 6, y = i / 6;
			if (s[i] == before[i]) continue;
			marked++;
			assertEquals(0, s[i]);
			assertEquals("only unannotated pixels change", u, before[i]);
			assertTrue("x=" + x + " y=" + y + " lies outside the box x 1..4, y 0..3", x < 1 || x > 4 || y > 3);
		}
		assertEquals(3, marked);
		assertArrayEquals("a slice without foreground strokes is left as it is", Arrays.copyOfRange(before, 30, 60),
			Arrays.copyOfRange(s, 30, 60));

		// as many strokes as pixels outside the box, or more: all of those become background
		byte[] full = new byte[30];
		Arrays.fill(full, u);
		for (int y = 0; y <= 3; y++)
			for (int x = 1; x <= 4; x++)
				full[y * 6 + x] = (byte) (x == 2 && y == 1 ? 3 : 0);
		assertEquals(30 - 16, Annotations.backgroundOutsideStrokes(full, 6, 5, 1, new Random(1)));
		for (byte b : full)
			assertTrue(b >= 0);
	}

	@Test
	public void backgroundMarginMarksPartOfTheFarFieldOfScribbledSlicesAsBackground() throws Exception {
		Path root = dataset(2);
		DatasetSpec plain = spec(root, 255, -1);
		Dataset off = DatasetLoader.load(plain);
		Dataset on = DatasetLoader.load(new DatasetSpec(root, 255, -1, 0, 0.2, "train_patients.txt",
			"val_patients.txt", Normalization.ZSCORE, 1, null, 2));
		long[] before = off.scribbleCounts(), after = on.scribbleCounts();
		assertTrue("background gained: " + before[0] + " -> " + after[0], after[0] > before[0]);
		for (int c = 1; c < before.length; c++)
			assertEquals("foreground class " + c + " unchanged", before[c], after[c]);
		for (int k = 0; k < off.slices().size(); k++) {
			byte[] a = off.slices().get(k).scribble(), b = on.slices().get(k).scribble();
			int strokes = 0, added = 0;
			for (int i = 0; i < a.length; i++)
				if (a[i] != Annotations.UNLABELLED) {
					assertEquals("annotated pixels are kept", a[i], b[i]);
					strokes++;
				}
				else if (b[i] == 0) added++;
				else assertEquals(Annotations.UNLABELLED, b[i]);
			assertTrue("slice " + k + ": " + added + " implied, at most its " + strokes + " strokes", added <= strokes);
		}
	}
}
