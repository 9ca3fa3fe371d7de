package org.labelefficient.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

public class Hdf5Test {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** A file with datasets of several types: image (float, 2x3x4), 2D double, int8/16/32/64 volumes, a group. */
	private Path sampleFile() {
		Path file = tmp.getRoot().toPath().resolve("sample.h5");
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			float[][][] image = new float[2][3][4];
			byte[][][] bytes = new byte[2][3][4];
			short[][][] shorts = new short[2][3][4];
			int[][][] ints = new int[2][3][4];
			long[][][] longs = new long[2][3][4];
			for (int z = 0; z < 2; z++)
				for (int y = 0; y < 3; y++)
					for (int x = 0; x < 4; x++) {
						int i = x + 4 * (y + 3 * z);
						image[z][y][x] = i * 0.5f - 3;
						bytes[z][y][x] = (byte) (i - 12);
						shorts[z][y][x] = (short) (i * 1000 - 20000);
						ints[z][y][x] = i * 100_000;
						longs[z][y][x] = i - 5;
					}
			WritableDataset imageSet = hdf.putDataset("image", image);
			imageSet.putAttribute("element_size_um", new double[] { 3, 0.5, 0.25 });
			hdf.putDataset("plane", new double[][] { { 1.5, -2 }, { 0.25, 8 }, { 9, 10 } });
			hdf.putDataset("bytes", bytes);
			hdf.putDataset("shorts", shorts);
			hdf.putDataset("ints", ints);
			hdf.putDataset("longs", longs);
			hdf.putDataset("line", new float[] { 1, 2, 3 });
			WritableGroup group = hdf.putGroup("group");
			group.putDataset("inner", new int[][] { { 7, 8 } });
		}
		return file;
	}

	private static float[] expected(int n, double scale, double offset) {
		float[] out = new float[n];
		for (int i = 0; i < n; i++) out[i] = (float) (i * scale + offset);
		return out;
	}

	@Test
	public void readsEveryNumericTypeInZyxOrder() {
		Path file = sampleFile();
		Volume image = VolumeIO.read(file);
		assertEquals("4x3x2", image.toString());
		assertArrayEquals(expected(24, 0.5, -3), image.data(), 0);
		assertEquals(0.5f * (3 + 4 * (2 + 3 * 1)) - 3, image.get(3, 2, 1), 0);
		assertArrayEquals(expected(24, 1, -12), VolumeIO.readHdf5(file, "bytes").data(), 0);
		assertArrayEquals(expected(24, 1000, -20000), VolumeIO.readHdf5(file, "shorts").data(), 0);
		assertArrayEquals(expected(24, 100_000, 0), VolumeIO.readHdf5(file, "ints").data(), 0);
		assertArrayEquals(expected(24, 1, -5), VolumeIO.readHdf5(file, "/longs").data(), 0);
	}

	@Test
	public void twoDimensionalDatasetIsOneSlice() {
		Volume plane = VolumeIO.readHdf5(sampleFile(), "plane");
		assertEquals("2x3x1", plane.toString());
		assertArrayEquals(new float[] { 1.5f, -2, 0.25f, 8, 9, 10 }, plane.data(), 0);
		assertArrayEquals(new double[] { 1, 1, 1 }, plane.spacing(), 0);
	}

	@Test
	public void elementSizeAttributeGivesSpacing() {
		assertArrayEquals(new double[] { 0.25, 0.5, 3 }, VolumeIO.readHdf5(sampleFile(), "image").spacing(), 0);
	}

	@Test
	public void datasetsInGroupsAreListedAndRead() {
		Path file = sampleFile();
		List<String> names = VolumeIO.hdf5Datasets(file);
		assertTrue(names.toString(), names.containsAll(List.of("image", "plane", "bytes", "group/inner")));
		assertArrayEquals(new float[] { 7, 8 }, VolumeIO.readHdf5(file, "group/inner").data(), 0);
	}

	@Test
	public void missingDatasetListsTheAvailableOnes() {
		Path file = sampleFile();
		try {
			VolumeIO.readHdf5(file, "label");
			fail();
		} catch (BadInputException e) {
			String m = e.getMessage();
			assertTrue(m, m.startsWith(file + ": no HDF5 dataset 'label'"));
			assertTrue(m, m.contains("image") && m.contains("plane") && m.contains("group/inner"));
		}
	}

	@Test
	public void oneDimensionalDatasetIsRejected() {
		Path file = sampleFile();
		try {
			VolumeIO.readHdf5(file, "line");
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("shape [3]"));
		}
	}

	@Test(timeout = 20_000)
	public void truncatedAndForeignFilesAreRejected() throws IOException {
		byte[] bytes = Files.readAllBytes(sampleFile());
		for (int keep : new int[] { bytes.length - 1, bytes.length / 2, 600, 40, 0 }) {
			Path cut = tmp.getRoot().toPath().resolve("cut" + keep + ".h5");
			Files.write(cut, Arrays.copyOf(bytes, keep));
			assertBadRead(cut);
		}
		Path text = tmp.getRoot().toPath().resolve("text.hdf5");
		Files.write(text, "not hdf5 at all, just some words".getBytes("UTF-8"));
		assertBadRead(text);
		NiftiTest.assertBad(tmp.getRoot().toPath().resolve("absent.h5"), "not found");
	}

	private static void assertBadRead(Path file) {
		try {
			Volume v = VolumeIO.readHdf5(file, "image");
			fail("read " + v + " from damaged " + file);
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith(file + ": "));
		}
	}

	@Test
	public void readsTheAcdcData() {
		Path dir = acdc();
		assumeTrue("ACDC data absent (../shared/datasets/acdc): skipping", dir != null);
		Path file = dir.resolve("volumes/patient001_frame01.h5");
		assertEquals(List.of("image", "label", "scribble"), VolumeIO.hdf5Datasets(file).stream().sorted().toList());
		Volume image = VolumeIO.read(file);
		Volume label = VolumeIO.readHdf5(file, "label");
		Volume scribble = VolumeIO.readHdf5(file, "scribble");
		assertEquals("216x256x10", image.toString());
		assertTrue(image.sameSize(label) && image.sameSize(scribble));
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for (float v : image.data()) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		assertEquals(0, min, 1e-6);
		assertEquals(1, max, 1e-6);
		int[] labels = histogram(label, 4);
		assertTrue(Arrays.toString(labels), labels[0] > labels[1] && labels[1] > 0 && labels[2] > 0 && labels[3] > 0);
		int[] scribbles = histogram(scribble, 5);
		assertTrue(Arrays.toString(scribbles), scribbles[4] > 0.95 * image.data().length);
		for (int c = 0; c < 4; c++) assertTrue(Arrays.toString(scribbles), scribbles[c] > 0);
	}

	private static int[] histogram(Volume v, int classes) {
		int[] h = new int[classes];
		for (float value : v.data()) {
			assertTrue("value " + value, value == Math.rint(value) && value >= 0 && value < classes);
			h[(int) value]++;
		}
		return h;
	}

	private static Path acdc() {
		for (Path p : new Path[] { Path.of("../shared/datasets/acdc"), Path.of("/work/shared/datasets/acdc") })
			if (Files.isDirectory(p.resolve("volumes"))) return p;
		return null;
	}
}
