package org.labelefficient.acdc;

import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locates the shared ACDC data ({@code ../shared/datasets/acdc}) and builds small views of it without copying. */
final class AcdcData {

	private AcdcData() {}

	/** The ACDC folder; skips the calling test with a visible message when it is absent. */
	static Path folderOrSkip() {
		for (Path p : List.of(Path.of("../shared/datasets/acdc"), Path.of("../../shared/datasets/acdc"), Path.of(
			"/work/shared/datasets/acdc")))
			if (Files.isDirectory(p.resolve("volumes"))) return p.toAbsolutePath().normalize();
		System.err.println("SKIPPED: ACDC data not found at ../shared/datasets/acdc; ACDC tests do not run");
		assumeTrue("ACDC data not found at ../shared/datasets/acdc", false);
		return null;
	}

	/**
	 * A dataset folder in {@code dir} whose volumes link to the real ones and whose lists hold the first
	 * {@code train} training and {@code val} validation patients.
	 */
	static Path subset(Path acdc, Path dir, int train, int val) throws IOException {
		Files.createSymbolicLink(dir.resolve("volumes"), acdc.resolve("volumes"));
		Files.write(dir.resolve("train_patients.txt"), Files.readAllLines(acdc.resolve("train_patients.txt"))
			.subList(0, train));
		Files.write(dir.resolve("val_patients.txt"), Files.readAllLines(acdc.resolve("val_patients.txt")).subList(0,
			val));
		return dir;
	}

	/** The first {@code n} test patients. */
	static List<String> testPatients(Path acdc, int n) throws IOException {
		return Files.readAllLines(acdc.resolve("test_patients.txt")).subList(0, n);
	}
}
