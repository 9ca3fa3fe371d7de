package org.labelefficient.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.labelefficient.io.NiftiTest.assertBad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

public class ImageJFormatsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final double[] SPACING = { 0.5, 0.75, 2.5 };

	private static Volume ramp(int w, int h, int d, double step, double[] spacing) {
		Volume v = Volume.zeros(w, h, d, spacing);
		for (int i = 0; i < v.data().length; i++) v.data()[i] = (float) (i * step);
		return v;
	}

	private Path file(String name) {
		return tmp.getRoot().toPath().resolve(name);
	}

	@Test
	public void tiffRoundTripForEachImageJType() {
		for (VoxelType type : new VoxelType[] { VoxelType.UINT8, VoxelType.UINT16, VoxelType.FLOAT32 })
			for (int depth : new int[] { 1, 3 }) {
				double step = type == VoxelType.UINT8 ? 2 : type == VoxelType.UINT16 ? 600 : -0.37;
				Volume v = ramp(7, 5, depth, step, depth == 1 ? new double[] { 0.5, 0.75, 1 } : SPACING);
				Path tif = file("out/" + type + depth + ".tif");
				VolumeIO.write(v, tif, type);
				Volume back = VolumeIO.read(tif);
				assertEquals(type + " " + depth, v.toString(), back.toString());
				assertArrayEquals(type + " " + depth, v.spacing(), back.spacing(), 1e-6); // TIFF rationals
				assertArrayEquals(type + " " + depth, v.data(), back.data(), 0);
			}
	}

	@Test
	public void tiffWithUnitSpacingReadsUnitSpacing() {
		Volume v = ramp(4, 3, 2, 1, new double[] { 1, 1, 1 });
		Path tif = file("unit.tiff");
		VolumeIO.write(v, tif, VoxelType.UINT8);
		Volume back = VolumeIO.read(tif);
		assertArrayEquals(new double[] { 1, 1, 1 }, back.spacing(), 0);
		assertArrayEquals(v.data(), back.data(), 0);
	}

	@Test
	public void tiffRoundsAndClamps() {
		Volume v = new Volume(new float[] { -7, 1.5f, 254.4f, 999 }, 2, 2, 1);
		Path tif = file("clamp.tif");
		VolumeIO.write(v, tif, VoxelType.UINT8);
		assertArrayEquals(new float[] { 0, 2, 254, 255 }, VolumeIO.read(tif).data(), 0);
	}

	@Test
	public void tiffRejectsTypesImageJCannotHold() {
		for (VoxelType type : new VoxelType[] { VoxelType.INT16, VoxelType.INT32, VoxelType.FLOAT64 }) {
			Path tif = file("bad" + type + ".tif");
			assertWriteFails(ramp(2, 2, 1, 1, SPACING), tif, type, "not " + type);
			assertTrue(!Files.exists(tif));
		}
	}

	@Test
	public void pngRoundTrip8And16Bit() {
		Volume v8 = ramp(6, 4, 1, 10, SPACING);
		Path png8 = file("a.png");
		VolumeIO.write(v8, png8, VoxelType.UINT8);
		Volume back8 = VolumeIO.read(png8);
		assertEquals("6x4x1", back8.toString());
		assertArrayEquals(v8.data(), back8.data(), 0);

		Volume v16 = ramp(6, 4, 1, 2800, SPACING);
		Path png16 = file("b.png");
		VolumeIO.write(v16, png16, VoxelType.UINT16);
		Volume back16 = VolumeIO.read(png16);
		assertEquals("6x4x1", back16.toString());
		assertArrayEquals(v16.data(), back16.data(), 0);
	}

	@Test
	public void pngRejectsVolumesAndOtherTypes() {
		assertWriteFails(ramp(2, 2, 2, 1, SPACING), file("v.png"), VoxelType.UINT8, "2 slices");
		assertWriteFails(ramp(2, 2, 1, 1, SPACING), file("f.png"), VoxelType.FLOAT32, "not FLOAT32");
	}

	@Test
	public void otherFormatsCannotBeWritten() {
		assertWriteFails(ramp(2, 2, 1, 1, SPACING), file("x.jpg"), VoxelType.UINT8, "cannot write");
	}

	@Test
	public void writingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
		Path tif = file("deep/er/x.tif");
		VolumeIO.write(ramp(3, 3, 2, 1, SPACING), tif, VoxelType.UINT8);
		VolumeIO.write(ramp(3, 3, 1, 2, SPACING), tif, VoxelType.UINT8);
		Volume back = VolumeIO.read(tif);
		assertEquals("3x3x1", back.toString());
		assertEquals(16f, back.data()[8], 0);
		try (Stream<Path> files = Files.list(tif.getParent())) {
			assertEquals(1, files.count());
		}
	}

	@Test(timeout = 10_000)
	public void truncatedTiffIsRejected() throws IOException {
		Path tif = file("full.tif");
		VolumeIO.write(ramp(30, 20, 4, 1, SPACING), tif, VoxelType.UINT16);
		byte[] bytes = Files.readAllBytes(tif);
		for (int keep : new int[] { bytes.length / 2, 100, 5 }) {
			Path cut = file("cut" + keep + ".tif");
			Files.write(cut, Arrays.copyOf(bytes, keep));
			assertBad(cut, "TIFF");
		}
		Path single = file("single.tif"); // a 2D TIFF ends with its pixel data
		VolumeIO.write(ramp(30, 20, 1, 1, SPACING), single, VoxelType.FLOAT32);
		byte[] one = Files.readAllBytes(single);
		Path cut = file("cutlast.tif");
		Files.write(cut, Arrays.copyOf(one, one.length - 1));
		assertBad(cut, "truncated TIFF");
	}

	@Test
	public void unreadableAndMissingFilesAreRejected() throws IOException {
		Path junk = file("junk.png");
		Files.write(junk, "this is not an image".getBytes("UTF-8"));
		assertBad(junk, "ImageJ cannot open");
		assertBad(file("missing.tif"), "not found");
	}

	@Test
	public void imagePlusConversionKeepsValuesAndCalibration() {
		Volume v = ramp(5, 4, 3, 0.5, SPACING);
		ImagePlus imp = ImageJFormats.toImagePlus(v, "t", VoxelType.FLOAT32);
		assertEquals(3, imp.getNSlices());
		assertEquals(2.5, imp.getCalibration().pixelDepth, 0);
		assertEquals("mm", imp.getCalibration().getUnit());
		Volume back = ImageJFormats.fromImagePlus(imp);
		assertArrayEquals(v.data(), back.data(), 0);
		assertArrayEquals(SPACING, back.spacing(), 0);
		ImagePlus labels = ImageJFormats.toImagePlus(v, "l", VoxelType.UINT8);
		assertEquals(8, labels.getBitDepth());
		assertEquals(3f, labels.getStack().getProcessor(1).getf(1, 1), 0); // 6 * 0.5
	}

	@Test
	public void rgbBecomesLuminance() {
		ColorProcessor cp = new ColorProcessor(2, 1);
		cp.set(0, 0, (10 << 16) | (10 << 8) | 10);
		cp.set(1, 0, 255 << 16);
		Volume v = ImageJFormats.fromImagePlus(new ImagePlus("rgb", cp));
		assertEquals(10f, v.data()[0], 0);
		assertEquals(0.299 * 255, v.data()[1], 1e-4);
	}

	@Test
	public void signedSixteenBitCalibrationIsApplied() {
		ShortProcessor sp = new ShortProcessor(2, 1);
		sp.set(0, 0, 32768 - 1000);
		sp.set(1, 0, 32768 + 5);
		ImagePlus imp = new ImagePlus("ct", sp);
		imp.getCalibration().setSigned16BitCalibration();
		assertArrayEquals(new float[] { -1000, 5 }, ImageJFormats.fromImagePlus(imp).data(), 0);
	}

	@Test
	public void multiChannelImagesAreRejected() {
		ImageStack stack = new ImageStack(2, 2);
		stack.addSlice(new ByteProcessor(2, 2));
		stack.addSlice(new ByteProcessor(2, 2));
		ImagePlus imp = new ImagePlus("two", stack);
		imp.setDimensions(2, 1, 1);
		try {
			ImageJFormats.fromImagePlus(imp);
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("2 channels"));
		}
	}

	@Test
	public void toImagePlusRejectsOtherTypes() {
		try {
			ImageJFormats.toImagePlus(ramp(2, 2, 1, 1, SPACING), "x", VoxelType.INT32);
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("INT32"));
		}
	}

	private static void assertWriteFails(Volume v, Path file, VoxelType type, String expected) {
		try {
			VolumeIO.write(v, file, type);
			fail("expected an error for " + file);
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith(file + ": "));
			assertTrue(e.getMessage(), e.getMessage().contains(expected));
		}
	}
}
