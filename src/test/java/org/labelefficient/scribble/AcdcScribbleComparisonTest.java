package org.labelefficient.scribble;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

/** Real ACDC scribbles against scribbles generated from the dense labels; skips when the shared data is absent. */
public class AcdcScribbleComparisonTest {

	private static final int CLASSES = 4, UNLABELLED = 4, PATIENTS = 4;

	@Test
	public void generatedScribblesResembleTheRealOnes() throws IOException {
		Path volumes = Path.of("/work/shared/datasets/acdc/volumes");
		if (!Files.isDirectory(volumes)) volumes = Path.of("../shared/datasets/acdc/volumes");
		if (!Files.isDirectory(volumes)) System.out.println("SKIPPED: ACDC data not found at "
			+ "/work/shared/datasets/acdc; the real-vs-generated scribble comparison does not run");
		assumeTrue("ACDC data not found", Files.isDirectory(volumes));
		List<Volume> real = new ArrayList<>(), generated = new ArrayList<>();
		ScribbleGenerator generator = new ScribbleGenerator(ScribbleGenerator.Settings.defaults(1));
		for (Path file : firstTrainingVolumes(volumes)) {
			real.add(VolumeIO.readHdf5(file, "scribble"));
			generated.add(generator.generate(VolumeIO.readHdf5(file, "label"), UNLABELLED));
		}
		ScribbleComparison cmp = ScribbleComparison.of(real, generated, CLASSES, UNLABELLED);
		System.out.println("ACDC scribbles, " + real.size() + " volumes of the first " + PATIENTS
			+ " training patients:");
		cmp.table().forEach(System.out::println);
		for (double f : new double[] { cmp.real().fraction(), cmp.generated().fraction() })
			assertTrue("scribbled fraction " + f, f > 0.001 && f < 0.1);
	}

	private static List<Path> firstTrainingVolumes(Path volumes) throws IOException {
		List<String> patients = Files.readAllLines(volumes.resolveSibling("train_patients.txt")).subList(0, PATIENTS);
		List<Path> out = new ArrayList<>();
		try (Stream<Path> files = Files.list(volumes)) {
			files.filter(f -> patients.stream().anyMatch(p -> f.getFileName().toString().startsWith(p.trim() + "_")))
				.sorted().forEach(out::add);
		}
		return out;
	}
}
