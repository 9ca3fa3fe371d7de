package org.labelefficient.la;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.metrics.SegmentationMetrics;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/**
 * LA 2018 smoke test ({@code ../shared/datasets/la}): a short 3D training on a few real volumes, then a whole test
 * volume predicted by sliding windows; skips with a message when the shared data is absent.
 */
public class LaSmokeTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static Path folderOrSkip() {
		for (Path p : List.of(Path.of("../shared/datasets/la"), Path.of("../../shared/datasets/la"), Path.of(
			"/work/shared/datasets/la")))
			if (Files.isDirectory(p.resolve("volumes"))) return p.toAbsolutePath().normalize();
		System.err.println("SKIPPED: LA data not found at ../shared/datasets/la; LA tests do not run");
		assumeTrue("LA data not found at ../shared/datasets/la", false);
		return null;
	}

	@Test
	public void threeDimensionalTrainingRunsAndPredictsAWholeVolume() throws Exception {
		Path la = folderOrSkip();
		Path ds = tmp.newFolder("ds").toPath();
		Files.createSymbolicLink(ds.resolve("volumes"), la.resolve("volumes"));
		List<String> train = Files.readAllLines(la.resolve("train_patients.txt"));
		Files.write(ds.resolve("train_patients.txt"), train.subList(0, 3));
		Files.write(ds.resolve("val_patients.txt"), train.subList(3, 4));
		Path model = tmp.getRoot().toPath().resolve("model");
		TrainingResult r = TrainingRunner.run(Requests.of("dataset=" + ds, "method=supervised", "output=" + model,
			"dimensions=3", "iterations=6", "batch_size=2", "patch_size=32", "validation_interval=6", "base_channels=4",
			"log_interval=100"), new TrainingListener() {}, new TrainingControl());
		assertEquals(6, r.iterationsDone());
		assertTrue("validation Dice " + r.bestDice(), r.bestDice() >= 0 && r.bestDice() <= 1);
		assertEquals(3, ModelInfo.read(model).dimensions());
		String test = Files.readAllLines(la.resolve("test_patients.txt")).get(0);
		Path file = la.resolve("volumes").resolve(test + ".h5");
		Volume image = VolumeIO.readHdf5(file, "image"), label = VolumeIO.readHdf5(file, "label");
		try (ModelPredictor p = ModelPredictor.open(model, PredictionOptions.defaults())) {
			Segmentation s = p.segment(image, test);
			assertArrayEquals(new int[] { image.width(), image.height(), image.depth() }, new int[] { s.labels().width(),
				s.labels().height(), s.labels().depth() });
			double dice = SegmentationMetrics.meanDice(s.labels(), label, 2);
			assertTrue("test Dice " + dice, dice >= 0 && dice <= 1);
		}
	}
}
