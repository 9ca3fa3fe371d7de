package org.labelefficient.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AtomicFilesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void failedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
		Path file = tmp.getRoot().toPath().resolve("a/b/out.bin");
		AtomicFiles.write(file, out -> out.write(new byte[] { 1, 2, 3 }));
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(file));
		try {
			AtomicFiles.write(file, out -> {
				out.write(new byte[] { 9, 9 });
				throw new IOException("disk full");
			});
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith(file + ": cannot write"));
			assertTrue(e.getMessage(), e.getMessage().contains("disk full"));
		}
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(file));
		try (Stream<Path> files = Files.list(file.getParent())) {
			assertEquals(1, files.count());
		}
	}

	@Test
	public void hdf5ExtensionAndUnknownExtensionDispatch() {
		Path file = tmp.getRoot().toPath().resolve("v.hdf5");
		NiftiTest.assertBad(file, "not found");
		try {
			VolumeIO.write(Volume.zeros(2, 2, 1, new double[] { 1, 1, 1 }), file, VoxelType.FLOAT32);
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("cannot write this format"));
		}
	}
}
