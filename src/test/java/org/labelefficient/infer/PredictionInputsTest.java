package org.labelefficient.infer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.BadInputException;

/** A prediction's input as a file, folder, glob pattern or list file, and the output names of its files. */
public class PredictionInputsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path touch(String relative) throws Exception {
		Path f = tmp.getRoot().toPath().resolve(relative);
		Files.createDirectories(f.getParent());
		Files.write(f, new byte[] { 1 });
		return f;
	}

	@Test
	public void folderGlobListAndFileNameTheirImageFiles() throws Exception {
		Path a = touch("scans/p1/a.nii.gz"), b = touch("scans/p2/b.h5"), c = touch("scans/p2/c.tif");
		touch("scans/p2/notes.txt");
		touch("scans/p2/.hidden.nii.gz");
		Path root = tmp.getRoot().toPath();
		assertEquals(List.of(b, c), PredictionInputs.resolve(root.resolve("scans/p2")));
		assertEquals(List.of(a, b, c), PredictionInputs.resolve(root.resolve("scans/*/*")));
		assertEquals(List.of(a), PredictionInputs.resolve(root.resolve("scans/*/*.nii.gz")));
		Path list = root.resolve("list.txt");
		Files.writeString(list, "# two cases\nscans/p2/c.tif\n\n" + a + "\n");
		assertEquals(List.of(a, c), PredictionInputs.resolve(list));
		assertEquals(List.of(a), PredictionInputs.resolve(a));
		Map<Path, Path> out = PredictionInputs.outputs(List.of(a, b, c), root.resolve("out"));
		assertEquals(List.of(root.resolve("out/a.nii.gz"), root.resolve("out/b.nii.gz"), root.resolve("out/c.tif")), List
			.copyOf(out.values()));
	}

	@Test
	public void badInputsAreOneSentenceNamingTheFile() throws Exception {
		Path root = tmp.getRoot().toPath();
		Path a = touch("x/a.nii.gz"), a2 = touch("y/a.h5");
		Path list = root.resolve("list.txt");
		Files.writeString(list, "x/a.nii.gz\nx/gone.nii.gz\n");
		refused(() -> PredictionInputs.resolve(list), list + ": line 2 names " + root.resolve("x/gone.nii.gz")
			+ ", which is not a file");
		refused(() -> PredictionInputs.resolve(root.resolve("x/*.png")), root.resolve("x/*.png")
			+ ": matches no image files");
		refused(() -> PredictionInputs.resolve(root.resolve("nowhere/*.png")), "starts with folder " + root.resolve(
			"nowhere"));
		refused(() -> PredictionInputs.outputs(List.of(a, a2), root), a2 + ": would be written to the same output "
			+ "a.nii.gz as " + a);
	}

	private interface Call {
		Object run() throws Exception;
	}

	private static void refused(Call c, String expected) throws Exception {
		try {
			c.run();
			fail("accepted; expected " + expected);
		}
		catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(expected));
		}
	}
}
