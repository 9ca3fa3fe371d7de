package org.labelefficient.method;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;
import org.labelefficient.data.BatchPlan;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/**
 * Every registered method builds its graph, trains a few iterations with finite losses, and exports a model that a
 * fresh predictor loads and applies (dual-decoder and deep-supervision networks included); one test per method, so
 * that a report names each method that fails.
 */
@RunWith(Parameterized.class)
public class EveryMethodTrainsTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static Path root;
	private static DemoDataset.Layout data;
	private static Volume image;

	@Parameters(name = "{0}")
	public static Iterable<String> methods() {
		return Methods.ids();
	}

	@Parameter
	public String id;

	@BeforeClass
	public static void data() throws Exception {
		root = tmp.getRoot().toPath();
		data = new DemoDataset(64, 2).write(root.resolve("data"), 3, 1, 1);
		image = VolumeIO.read(data.testImages().resolve("test00.nii.gz"));
	}

	@Test
	public void trainsExportsAndPredicts() throws Exception {
		Path model = root.resolve(id);
		boolean dense = Methods.get(id).batchPlan(2).kind() == BatchPlan.LabelKind.DENSE;
		Path dataset = dense ? denseDataset(root, data) : data.dataset();
		PhaseLog log = new PhaseLog();
		TrainingResult r = TrainingRunner.run(Requests.of("dataset=" + dataset, "method=" + id, "output=" + model,
			"iterations=4", "batch_size=2", "patch_size=32", "lr_step=1000", "weight_decay=0", "validation_interval=2",
			"base_channels=4", "log_interval=100"), log, new TrainingControl());
		assertEquals(id, 4, r.iterationsDone());
		// the methods of several phases name each with its iterations, and each later one when it begins
		List<String> expected = switch (id) {
			case "action" -> List.of("Iterations 1-1: ACTION stage i", "Iterations 2-2: ACTION stage ii",
				"Iterations 3-4: ACTION stage iii", "From iteration 2: ACTION stage ii",
				"From iteration 3: ACTION stage iii");
			case "reciprocal" -> List.of("Iterations 1-2: teacher pre-training", "Iterations 3-4: reciprocal learning",
				"From iteration 3: reciprocal learning");
			default -> List.of();
		};
		assertEquals(id, expected, log.phaseLines());
		ModelInfo info = ModelInfo.read(model);
		assertEquals(id, info.method);
		assertEquals(id.equals("dmpls") ? 2 : 1, info.decoders);
		try (ModelPredictor p = ModelPredictor.open(model, PredictionOptions.defaults())) {
			Volume labels = p.segment(image, id).labels();
			assertTrue(id, labels.sameSize(image));
			for (float v : labels.data())
				assertTrue(id, v >= 0 && v < 4);
		}
	}

	/** A folder dataset whose training cases have dense labels (the demo's validation and test cases swapped in). */
	static Path denseDataset(Path root, DemoDataset.Layout data) throws Exception {
		Path dense = root.resolve("dense");
		if (Files.isDirectory(dense)) return dense;
		Files.createDirectories(dense.resolve("images"));
		Files.createDirectories(dense.resolve("labels"));
		Files.copy(data.testImages().resolve("test00.nii.gz"), dense.resolve("images/a.nii.gz"));
		Files.copy(data.testLabels().resolve("test00.nii.gz"), dense.resolve("labels/a.nii.gz"));
		Files.copy(data.dataset().resolve("images/val00.nii.gz"), dense.resolve("images/b.nii.gz"));
		Files.copy(data.dataset().resolve("labels/val00.nii.gz"), dense.resolve("labels/b.nii.gz"));
		return dense;
	}
}
