package org.labelefficient.method;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.BadInputException;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/**
 * ACTION's stages train in one run (each in its share of the budget, with its own loss terms) and one at a time, a
 * later stage starting from the previous stage's model; bad stage settings are refused before training.
 */
public class ActionTrainingTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();
	private static Path dataset;

	/** Light settings for tiny runs. */
	private static final Map<String, String> LIGHT = Map.of("representation_dim", "8", "anco_queries", "8",
		"anco_negatives", "16", "latent_dim", "16");

	@BeforeClass
	public static void data() throws Exception {
		Path root = tmp.getRoot().toPath();
		DemoDataset.Layout data = new DemoDataset(64, 2).write(root.resolve("data"), 3, 1, 1);
		dataset = root.resolve("dense");
		Files.createDirectories(dataset.resolve("images"));
		Files.createDirectories(dataset.resolve("labels"));
		Files.copy(data.testImages().resolve("test00.nii.gz"), dataset.resolve("images/a.nii.gz"));
		Files.copy(data.testLabels().resolve("test00.nii.gz"), dataset.resolve("labels/a.nii.gz"));
		Files.copy(data.dataset().resolve("images/val00.nii.gz"), dataset.resolve("images/b.nii.gz"));
		Files.copy(data.dataset().resolve("images/train00.nii.gz"), dataset.resolve("images/c.nii.gz"));
	}

	private static TrainingResult train(String name, int iterations, Map<String, String> settings,
		List<Map<String, Double>> terms) throws Exception {
		return train(name, iterations, settings, null, terms);
	}

	private static TrainingResult train(String name, int iterations, Map<String, String> settings, Path initModel,
		List<Map<String, Double>> terms) throws Exception {
		Map<String, String> all = new HashMap<>(LIGHT);
		all.putAll(settings);
		if (initModel != null) all.put("init_model", initModel.toString());
		return TrainingRunner.run(Requests.of(all, "dataset=" + dataset, "method=action", "output=" + tmp.getRoot()
			.toPath().resolve(name), "validation_fraction=0", "iterations=" + iterations, "batch_size=4",
			"patch_size=32", "lr_step=1000", "weight_decay=0", "validation_interval=" + iterations, "base_channels=4",
			"log_interval=100"), new TrainingListener() {
				@Override
				public void iteration(Progress p) {
					assertTrue(name + " " + p.terms(), Double.isFinite(p.loss()));
					terms.add(p.terms());
				}
			}, new TrainingControl());
	}

	@Test
	public void allStagesRunInTheirShareOfTheBudget() throws Exception {
		List<Map<String, Double>> terms = new ArrayList<>();
		TrainingResult r = train("all", 8, Map.of(), terms);
		assertEquals(8, r.iterationsDone());
		for (int i = 0; i < 8; i++) {
			String expected = i < 2 ? "[global]" : i < 4 ? "[ce, dice, global, local]" : "[ce, dice, pseudo, anco]";
			assertEquals("iteration " + i, expected, terms.get(i).keySet().toString());
		}
	}

	@Test
	public void stagesRunOneAtATimeFromThePreviousModel() throws Exception {
		List<Map<String, Double>> terms = new ArrayList<>();
		train("i", 2, Map.of("stages", "i"), terms);
		Path stage1 = tmp.getRoot().toPath().resolve("i");
		train("ii", 2, Map.of("stages", "ii"), stage1, terms);
		Path stage2 = tmp.getRoot().toPath().resolve("ii");
		TrainingResult r = train("iii", 2, Map.of("stages", "iii"), stage2, terms);
		assertEquals(2, r.iterationsDone());
		assertEquals("[ce, dice, pseudo, anco]", terms.get(5).keySet().toString());
		assertEquals("iii", ModelInfo.read(tmp.getRoot().toPath().resolve("iii")).methodSettings.get("stages"));
		BadInputException wrong = assertThrows(BadInputException.class, () -> train("bad", 2, Map.of("stages", "ii"),
			stage2, terms));
		assertTrue(wrong.getMessage(), wrong.getMessage().contains("continues from an ACTION model trained with "
			+ "stages=i"));
	}

	@Test
	public void aWarmStartRunsStageIiiOnlyFromTheGivenModel() throws Exception {
		List<Map<String, Double>> terms = new ArrayList<>();
		train("pre", 2, Map.of("stages", "i"), terms);
		terms.clear();
		TrainingResult r = train("warm", 4, Map.of(), tmp.getRoot().toPath().resolve("pre"), terms);
		assertEquals(4, r.iterationsDone());
		for (Map<String, Double> t : terms)
			assertEquals("[ce, dice, pseudo, anco]", t.keySet().toString());
	}

	@Test
	public void badStageSettingsAreRefusedBeforeTraining() {
		List<Map<String, Double>> terms = new ArrayList<>();
		assertEquals("stages must be one of all, i, ii, iii, got iv", refused(Map.of("stages", "iv"), terms));
		assertTrue(refused(Map.of("stage_i_fraction", "0.5"), terms).contains("add up to 1"));
		assertTrue(refused(Map.of("stages", "iii"), terms).contains("init_model"));
		assertTrue(refused(Map.of("stages", "ii"), Path.of("/no/such/model"), terms).contains("not found"));
		assertEquals("memory_size (3) must be at least the batch size (4)", refused(Map.of("memory_size", "3"),
			terms));
		assertTrue(terms.isEmpty());
	}

	private static String refused(Map<String, String> settings, List<Map<String, Double>> terms) {
		return refused(settings, null, terms);
	}

	private static String refused(Map<String, String> settings, Path initModel, List<Map<String, Double>> terms) {
		return assertThrows(BadInputException.class, () -> train("refused", 2, settings, initModel, terms))
			.getMessage();
	}
}
