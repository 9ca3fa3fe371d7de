package org.labelefficient.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class NiftiTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final double[] SPACING = { 0.5, 0.75, 2.5 };

	/** Values that every type stores exactly (float types also keep the fractions). */
	private static Volume sample(VoxelType type) {
		Volume v = Volume.zeros(5, 4, 3, SPACING);
		float[] d = v.data();
		for (int i = 0; i < d.length; i++) {
			double value = i * 3 + (type.isInteger() ? 0 : 0.25);
			if (type == VoxelType.INT16 || type == VoxelType.INT32 || !type.isInteger()) value -= 50;
			d[i] = (float) value;
		}
		if (type == VoxelType.UINT16) d[d.length - 1] = 65535;
		if (type == VoxelType.INT16) d[0] = -32768;
		if (type == VoxelType.INT32) d[0] = -1_000_000;
		if (type == VoxelType.UINT8) d[d.length - 1] = 255;
		return v;
	}

	@Test
	public void roundTripEveryTypeNiiAndGz() throws IOException {
		for (VoxelType type : VoxelType.values())
			for (String ext : new String[] { ".nii", ".nii.gz" }) {
				Volume v = sample(type);
				Path file = tmp.getRoot().toPath().resolve("sub/dir/vol_" + type + ext);
				VolumeIO.write(v, file, type);
				Volume back = VolumeIO.read(file);
				assertEquals(type + ext, "5x4x3", back.toString());
				assertArrayEquals(type + ext, SPACING, back.spacing(), 1e-6);
				assertArrayEquals(type + ext, v.data(), back.data(), 0f);
				byte[] bytes = Files.readAllBytes(file);
				assertEquals(ext.endsWith(".gz"), (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b);
			}
	}

	@Test
	public void writtenHeaderHasOffsetUnitsAndScaledIdentityTransforms() throws IOException {
		Path file = tmp.getRoot().toPath().resolve("h.nii");
		VolumeIO.write(sample(VoxelType.INT16), file, VoxelType.INT16);
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(352 + 60 * 2, b.capacity());
		assertEquals(348, b.getInt(0));
		assertEquals(3, b.getShort(40));
		assertEquals(5, b.getShort(42));
		assertEquals(4, b.getShort(70));
		assertEquals(16, b.getShort(72));
		assertEquals(352f, b.getFloat(108), 0);
		assertEquals(1, b.getShort(252));
		assertEquals(1, b.getShort(254));
		assertEquals(0.5f, b.getFloat(280), 0);
		assertEquals(0.75f, b.getFloat(300), 0);
		assertEquals(2.5f, b.getFloat(320), 0);
		assertEquals(0f, b.getFloat(284), 0);
		assertEquals("n+1", new String(b.array(), 344, 3, "ISO-8859-1"));
	}

	@Test
	public void integerTypesRoundAndClamp() {
		Volume v = new Volume(new float[] { -3, 2.5f, 2.4f, 300, Float.NaN, 70000 }, 6, 1, 1);
		Path file = tmp.getRoot().toPath().resolve("c.nii");
		VolumeIO.write(v, file, VoxelType.UINT8);
		assertArrayEquals(new float[] { 0, 3, 2, 255, 0, 255 }, VolumeIO.read(file).data(), 0);
		VolumeIO.write(v, file, VoxelType.INT16);
		assertArrayEquals(new float[] { -3, 3, 2, 300, 0, 32767 }, VolumeIO.read(file).data(), 0);
		VolumeIO.write(new Volume(new float[] { -1, 1e10f }, 2, 1, 1), file, VoxelType.UINT16);
		assertArrayEquals(new float[] { 0, 65535 }, VolumeIO.read(file).data(), 0);
	}

	@Test
	public void twoDimensionalImageRoundTrip() throws IOException {
		Volume v = new Volume(new float[] { 1, 2, 3, 4, 5, 6 }, 3, 2, 1, new double[] { 0.3, 0.4, 1 });
		Path file = tmp.getRoot().toPath().resolve("two.nii.gz");
		VolumeIO.write(v, file, VoxelType.FLOAT32);
		Volume back = VolumeIO.read(file);
		assertEquals("3x2x1", back.toString());
		assertArrayEquals(v.data(), back.data(), 0);
		assertArrayEquals(new double[] { 0.3, 0.4, 1 }, back.spacing(), 1e-6);
	}

	@Test
	public void sclSlopeAndInterAreApplied() throws IOException {
		ByteBuffer b = header(ByteOrder.LITTLE_ENDIAN, 4, new int[] { 3, 2, 2, 1 }, 4);
		b.putFloat(112, 2).putFloat(116, 1);
		for (int i = 0; i < 4; i++) b.putShort(352 + 2 * i, (short) (i - 1));
		Volume v = NiftiReader.read(save("scaled.nii", b.array()));
		assertArrayEquals(new float[] { -1, 1, 3, 5 }, v.data(), 0);
	}

	@Test
	public void slopeZeroMeansNoScaling() throws IOException {
		ByteBuffer b = header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 2, 2, 1 }, 2);
		b.putFloat(112, 0).putFloat(116, 100);
		b.put(352, (byte) 200).put(353, (byte) 7);
		assertArrayEquals(new float[] { 200, 7 }, NiftiReader.read(save("noscale.nii", b.array())).data(), 0);
	}

	@Test
	public void bigEndianFilesAreRead() throws IOException {
		ByteBuffer b = header(ByteOrder.BIG_ENDIAN, 16, new int[] { 3, 2, 1, 2 }, 4);
		b.putFloat(80, 1.5f).putFloat(84, 2f).putFloat(88, 3f);
		float[] values = { 1.5f, -2f, 1e6f, -0.125f };
		for (int i = 0; i < 4; i++) b.putFloat(352 + 4 * i, values[i]);
		Volume v = VolumeIO.read(save("be.nii", b.array()));
		assertEquals("2x1x2", v.toString());
		assertArrayEquals(values, v.data(), 0);
		assertArrayEquals(new double[] { 1.5, 2, 3 }, v.spacing(), 0);

		ByteBuffer s = header(ByteOrder.BIG_ENDIAN, 512, new int[] { 2, 2, 1 }, 2);
		s.putShort(352, (short) 60000).putShort(354, (short) 1);
		assertArrayEquals(new float[] { 60000, 1 }, VolumeIO.read(save("be16.nii", s.array())).data(), 0);
	}

	@Test
	public void readOnlyTypesInt8Uint32Float64() throws IOException {
		ByteBuffer i8 = header(ByteOrder.LITTLE_ENDIAN, 256, new int[] { 2, 2, 1 }, 2);
		i8.put(352, (byte) -5).put(353, (byte) 127);
		assertArrayEquals(new float[] { -5, 127 }, NiftiReader.read(save("i8.nii", i8.array())).data(), 0);
		ByteBuffer u32 = header(ByteOrder.LITTLE_ENDIAN, 768, new int[] { 2, 1, 1 }, 4);
		u32.putInt(352, -1);
		assertArrayEquals(new float[] { 4294967295f }, NiftiReader.read(save("u32.nii", u32.array())).data(), 0);
		ByteBuffer f64 = header(ByteOrder.BIG_ENDIAN, 64, new int[] { 2, 1, 1 }, 1);
		f64.putDouble(352, 0.1);
		assertArrayEquals(new float[] { 0.1f }, NiftiReader.read(save("f64.nii", f64.array())).data(), 0);
	}

	@Test
	public void fourDimensionalWithOneTimePointIsRead() throws IOException {
		ByteBuffer b = header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 4, 2, 1, 1, 1 }, 2);
		b.put(352, (byte) 9).put(353, (byte) 8);
		assertArrayEquals(new float[] { 9, 8 }, NiftiReader.read(save("t1.nii", b.array())).data(), 0);
	}

	@Test
	public void timeSeriesIsRejected() throws IOException {
		ByteBuffer b = header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 4, 2, 1, 1, 3 }, 6);
		assertBad(save("t3.nii", b.array()), "only 2D and 3D");
	}

	@Test
	public void gzipFileIsReadWhateverTheName() throws IOException {
		ByteBuffer b = header(ByteOrder.LITTLE_ENDIAN, 16, new int[] { 2, 2, 1 }, 2);
		b.putFloat(352, 4.5f).putFloat(356, -1f);
		Path file = save("gz.nii.gz", gzip(b.array()));
		assertArrayEquals(new float[] { 4.5f, -1 }, VolumeIO.read(file).data(), 0);
	}

	@Test
	public void missingFileIsNotFound() {
		assertBad(tmp.getRoot().toPath().resolve("nothing.nii.gz"), "not found");
	}

	@Test(timeout = 10_000)
	public void truncatedFilesAreRejected() throws IOException {
		Path full = tmp.getRoot().toPath().resolve("full.nii");
		VolumeIO.write(Volume.zeros(20, 20, 5, SPACING), full, VoxelType.FLOAT32);
		byte[] bytes = Files.readAllBytes(full);
		assertBad(save("cut.nii", Arrays.copyOf(bytes, bytes.length - 1)), "truncated");
		assertBad(save("cuthead.nii", Arrays.copyOf(bytes, 200)), "truncated");
		assertBad(save("empty.nii", new byte[0]), "truncated");
		byte[] gz = gzip(bytes);
		assertBad(save("cut.nii.gz", Arrays.copyOf(gz, gz.length / 2)), "truncated");
		assertBad(save("cutdata.nii.gz", gzip(Arrays.copyOf(bytes, bytes.length - 100))), "truncated");
		byte[] corrupt = gz.clone();
		for (int i = 20; i < 60; i++) corrupt[i] = (byte) 0xff;
		assertBad(save("corrupt.nii.gz", corrupt), "damaged");
	}

	@Test(timeout = 10_000)
	public void absurdSizesFailFastWithoutAllocating() throws IOException {
		ByteBuffer b = header(ByteOrder.LITTLE_ENDIAN, 64, new int[] { 3, 32767, 32767, 32767 }, 1);
		assertBad(save("huge.nii", b.array()), "too large");
		ByteBuffer c = header(ByteOrder.LITTLE_ENDIAN, 64, new int[] { 3, 32767, 32767, 1 }, 1);
		assertBad(save("big.nii", c.array()), "file has");
		assertBad(save("big.nii.gz", gzip(c.array())), "at most");
		ByteBuffer wide = header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 1, 1 << 30 }, 1);
		assertBad(save("wide.nii", wide.array()), "dim[1]");
	}

	@Test
	public void damagedHeadersAreRejected() throws IOException {
		ByteBuffer b = header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 3, 2, 2, 2 }, 8);
		assertBad(save("neg.nii", header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 3, 2, -2, 2 }, 8).array()),
			"dim[2]");
		assertBad(save("rank.nii", header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 9, 2, 2, 2 }, 8).array()),
			"dimension count");
		assertBad(save("type.nii", header(ByteOrder.LITTLE_ENDIAN, 128, new int[] { 3, 2, 2, 2 }, 8).array()),
			"datatype");
		byte[] swapped = b.array().clone();
		swapped[0] = 0;
		swapped[3] = 0x5c;
		swapped[1] = 0x01;
		assertBad(save("size.nii", swapped), "header size");
		byte[] pair = b.array().clone();
		pair[345] = 'i';
		assertBad(save("pair.nii", pair), ".hdr/.img");
		byte[] magic = b.array().clone();
		magic[344] = 'x';
		assertBad(save("magic.nii", magic), "magic");
		ByteBuffer offset = header(ByteOrder.LITTLE_ENDIAN, 2, new int[] { 3, 2, 2, 2 }, 8);
		offset.putFloat(108, 10);
		assertBad(save("offset.nii", offset.array()), "vox_offset");
	}

	@Test(timeout = 20_000)
	public void randomlyDamagedHeadersGiveResultsOrCleanErrors() throws IOException {
		Path good = tmp.getRoot().toPath().resolve("good.nii");
		VolumeIO.write(sample(VoxelType.INT16), good, VoxelType.INT16);
		byte[] bytes = Files.readAllBytes(good);
		Random random = new Random(42);
		int rejected = 0;
		for (int trial = 0; trial < 300; trial++) {
			byte[] damaged = bytes.clone();
			for (int k = 0; k < 3; k++) damaged[random.nextInt(NiftiHeader.SIZE)] ^= (byte) (1 << random.nextInt(8));
			Path file = save("fuzz.nii", damaged);
			try {
				Volume v = NiftiReader.read(file);
				assertTrue(v.data().length <= 60);
			} catch (BadInputException e) {
				assertTrue(e.getMessage(), e.getMessage().startsWith(file.toString()));
				rejected++;
			}
		}
		assertTrue("some damage must be noticed: " + rejected, rejected > 20);
	}

	@Test
	public void tooLargeForNiftiIsRejectedOnWrite() {
		Path file = tmp.getRoot().toPath().resolve("long.nii");
		try {
			VolumeIO.write(Volume.zeros(40000, 1, 1, SPACING), file, VoxelType.UINT8);
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage().contains("32767"));
		}
		assertTrue(!Files.exists(file));
	}

	// ---- helpers

	/** A single-file header (plus the extension flag) followed by room for {@code voxels} voxels. */
	static ByteBuffer header(ByteOrder order, int datatype, int[] dim, int voxels) {
		ByteBuffer b = ByteBuffer.allocate(352 + voxels * NiftiHeader.bytesPerVoxel(datatype)).order(order);
		b.putInt(0, 348);
		for (int i = 0; i < dim.length; i++) b.putShort(40 + 2 * i, (short) dim[i]);
		if (dim.length > 1 && dim[1] >= 1 << 15) b.putShort(42, (short) -1);
		b.putShort(70, (short) datatype);
		b.putShort(72, (short) (8 * NiftiHeader.bytesPerVoxel(datatype)));
		for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, 1);
		b.putFloat(108, 352);
		b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		return b;
	}

	private Path save(String name, byte[] bytes) throws IOException {
		Path file = tmp.getRoot().toPath().resolve(name);
		Files.write(file, bytes);
		return file;
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(bytes);
		}
		return out.toByteArray();
	}

	static void assertBad(Path file, String expected) {
		try {
			VolumeIO.read(file);
			fail("expected an error for " + file);
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith(file.toString() + ": "));
			assertTrue(e.getMessage(), e.getMessage().contains(expected));
		}
	}
}
