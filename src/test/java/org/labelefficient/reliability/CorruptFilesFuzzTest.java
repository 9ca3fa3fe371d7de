package org.labelefficient.reliability;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.AfterClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * Seeded mutations of valid NIfTI, gzip NIfTI, HDF5 and TIFF files (truncation, flipped bytes, random words in the
 * header): every read either returns a volume or fails with a {@link BadInputException} naming the file, within a
 * few seconds; never another exception, a hang, or an out-of-memory error.
 */
public class CorruptFilesFuzzTest {

	private static final int MUTATIONS = Integer.getInteger("fuzz.mutations", 150);
	private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "fuzz-reader");
		t.setDaemon(true);
		return t;
	});

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@AfterClass
	public static void stop() {
		READER.shutdownNow();
	}

	private static Volume sample() {
		Volume v = Volume.zeros(24, 20, 3, new double[] { 0.8, 0.8, 2 });
		for (int i = 0; i < v.data().length; i++)
			v.data()[i] = i % 251;
		return v;
	}

	@Test
	public void nifti() throws Exception {
		Path f = tmp.getRoot().toPath().resolve("valid.nii");
		VolumeIO.write(sample(), f, VoxelType.INT16);
		fuzz(f, 1);
	}

	@Test
	public void gzipNifti() throws Exception {
		Path f = tmp.getRoot().toPath().resolve("valid.nii.gz");
		VolumeIO.write(sample(), f, VoxelType.FLOAT32);
		fuzz(f, 2);
	}

	@Test
	public void tiff() throws Exception {
		Path f = tmp.getRoot().toPath().resolve("valid.tif");
		VolumeIO.write(sample(), f, VoxelType.UINT16);
		fuzz(f, 3);
	}

	@Test
	public void hdf5() throws Exception {
		Path f = tmp.getRoot().toPath().resolve("valid.h5");
		float[][][] data = new float[3][20][24];
		for (int z = 0; z < 3; z++)
			for (int y = 0; y < 20; y++)
				for (int x = 0; x < 24; x++)
					data[z][y][x] = x + y + z;
		try (WritableHdfFile h = HdfFile.write(f)) {
			h.putDataset("image", data);
		}
		fuzz(f, 4);
	}

	private void fuzz(Path valid, long seed) throws Exception {
		byte[] original = Files.readAllBytes(valid);
		VolumeIO.read(valid);
		Random random = new Random(seed);
		String name = valid.getFileName().toString();
		for (int m = 0; m < MUTATIONS; m++) {
			Path mutant = valid.resolveSibling("m" + m + "-" + name);
			Files.write(mutant, mutate(original, random));
			check(mutant);
		}
	}

	/** Truncation, byte flips, or random 32-bit words, mostly in the first 512 bytes where the headers are. */
	private static byte[] mutate(byte[] original, Random r) {
		byte[] b = original.clone();
		switch (r.nextInt(3)) {
			case 0 -> {
				return java.util.Arrays.copyOf(b, r.nextInt(b.length));
			}
			case 1 -> {
				for (int i = 1 + r.nextInt(8); i > 0; i--)
					b[position(b, r)] ^= (byte) (1 << r.nextInt(8));
			}
			default -> {
				for (int i = 1 + r.nextInt(4); i > 0; i--) {
					int p = Math.min(position(b, r), b.length - 4);
					int word = r.nextBoolean() ? r.nextInt() : Integer.MAX_VALUE - r.nextInt(3);
					for (int k = 0; k < 4; k++)
						b[p + k] = (byte) (word >>> (8 * k));
				}
			}
		}
		return b;
	}

	private static int position(byte[] b, Random r) {
		return r.nextInt(4) > 0 ? r.nextInt(Math.min(512, b.length)) : r.nextInt(b.length);
	}

	private static void check(Path mutant) throws Exception {
		Future<?> read = READER.submit(() -> VolumeIO.read(mutant));
		try {
			read.get(10, TimeUnit.SECONDS);
		}
		catch (TimeoutException e) {
			read.cancel(true);
			fail(mutant.getFileName() + ": reading did not finish within 10 s");
		}
		catch (java.util.concurrent.ExecutionException e) {
			Throwable cause = e.getCause();
			if (!(cause instanceof BadInputException)) {
				AssertionError error = new AssertionError(mutant.getFileName() + ": " + cause);
				error.initCause(cause);
				throw error;
			}
			assertTrue(cause.getMessage(), cause.getMessage().contains(mutant.getFileName().toString()));
		}
	}
}
