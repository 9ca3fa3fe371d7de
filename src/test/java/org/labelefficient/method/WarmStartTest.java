package org.labelefficient.method;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.cli.Main;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.BadInputException;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/**
 * Starting a run from a trained model ({@code init_model}) and the {@code improve} command: the networks take the
 * model's weights, which are validated before the first iteration and kept as the best model until something beats
 * them; the stages that only learn the labelled data are skipped; a model of another network or normalisation is
 * refused before training.
 */
public class WarmStartTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static ScannerShiftData data;
	private static Path start;

	@BeforeClass
	public static void trainStartingModel() throws Exception {
		data = ScannerShiftData.write(tmp.getRoot().toPath().resolve("data"), 32, 1, 3, 0.2);
		start = tmp.getRoot().toPath().resolve("start");
		train("supervised", start, null, 16, 4, "zscore", new ArrayList<>());
	}

	private static TrainingResult train(String method, Path output, Path init, int iterations, int channels,
		String normalization, List<Map<String, Double>> terms) throws Exception {
		return TrainingRunner.run(Requests.of(init == null ? Map.of() : Map.of("init_model", init.toString()),
			"dataset=" + data.dataset(), "method=" + method, "output=" + output, "unlabelled_value="
				+ DemoDataset.UNLABELLED, "validation_fraction=0", "normalization=" + normalization, "iterations="
					+ iterations, "batch_size=4", "patch_size=32", "lr_step=1000", "weight_decay=0", "validation_interval="
						+ iterations / 2, "base_channels=" + channels, "log_interval=100"), new TrainingListener() {
					@Override
					public void iteration(Progress p) {
						terms.add(p.terms());
					}
				}, new TrainingControl());
	}

	@Test
	public void theStartingWeightsAreValidatedAndNeverLost() throws Exception {
		Path model = tmp.getRoot().toPath().resolve("mean-teacher");
		TrainingResult r = train("mean-teacher", model, start, 4, 4, "zscore", new ArrayList<>());
		ModelInfo before = ModelInfo.read(start), after = ModelInfo.read(model);
		assertEquals("the start is the given model's best", before.bestValidationDice, r.startDice(), 1e-6);
		assertTrue(r.bestDice() + " vs " + r.startDice(), r.bestDice() >= r.startDice());
		assertEquals(0, after.history.get(0).iteration());
		assertEquals(r.startDice(), after.history.get(0).validationDice(), 1e-12);
		assertEquals(start.toString(), after.training.get("init_model"));
		assertEquals(3, after.history.size());
	}

	@Test
	public void reciprocalSkipsThePreTrainingOfItsTeacher() throws Exception {
		List<Map<String, Double>> terms = new ArrayList<>();
		train("reciprocal", tmp.getRoot().toPath().resolve("reciprocal"), start, 4, 4, "zscore", terms);
		assertEquals(4, terms.size());
		for (Map<String, Double> t : terms)
			assertEquals("[student_pl, teacher_sup, feedback]", t.keySet().toString());
		List<Map<String, Double>> scratch = new ArrayList<>();
		train("reciprocal", tmp.getRoot().toPath().resolve("reciprocal-scratch"), null, 4, 4, "zscore", scratch);
		assertEquals("from scratch the teacher pre-trains first", "[teacher_sup]", scratch.get(0).keySet().toString());
	}

	@Test
	public void aModelOfAnotherNetworkOrNormalisationIsRefused() {
		String network = assertThrows(BadInputException.class, () -> train("mean-teacher", tmp.getRoot().toPath()
			.resolve("wide"), start, 2, 8, "zscore", new ArrayList<>())).getMessage();
		assertTrue(network, network.startsWith(start.toString()) && network.contains("same classes, base_channels"));
		String normalization = assertThrows(BadInputException.class, () -> train("mean-teacher", tmp.getRoot()
			.toPath().resolve("minmax"), start, 2, 4, "minmax", new ArrayList<>())).getMessage();
		assertTrue(normalization, normalization.contains("normalization=zscore") && normalization.contains("minmax"));
		String missing = assertThrows(BadInputException.class, () -> train("mean-teacher", tmp.getRoot().toPath()
			.resolve("none"), tmp.getRoot().toPath().resolve("no-model"), 2, 4, "zscore", new ArrayList<>()))
				.getMessage();
		assertTrue(missing, missing.contains("no-model"));
		assertTrue(Files.notExists(tmp.getRoot().toPath().resolve("wide").resolve(ModelInfo.FILE)));
	}

	@Test
	public void improveTrainsANewModelWithFurtherUnlabelledImages() throws Exception {
		Path more = tmp.getRoot().toPath().resolve("more");
		Files.createDirectories(more);
		Files.copy(data.testImages().resolve("test6.nii.gz"), more.resolve("extra.nii.gz"));
		Path model = tmp.getRoot().toPath().resolve("improved");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int status = Main.run(new String[] { "improve", "model=" + start, "method=mean-teacher", "output=" + model,
			"unlabelled_images=" + more, "iterations=4", "validation_interval=2", "log_interval=1" }, new PrintStream(
				out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String log = out.toString(StandardCharsets.UTF_8);
		assertEquals(err.toString(StandardCharsets.UTF_8), 0, status);
		assertTrue(log, log.contains("5 training cases (4 unlabelled)"));
		assertTrue(log, log.contains("at the start of this run"));
		ModelInfo info = ModelInfo.read(model);
		assertEquals("mean-teacher", info.method);
		assertEquals(more.toString(), info.training.get("unlabelled_images"));
		assertEquals(4, info.iterationsDone);
		ByteArrayOutputStream refusedErr = new ByteArrayOutputStream();
		int refused = Main.run(new String[] { "improve", "model=" + start, "method=pce", "output=" + tmp.getRoot()
			.toPath().resolve("pce") }, new PrintStream(new ByteArrayOutputStream()), new PrintStream(refusedErr, true,
				StandardCharsets.UTF_8));
		assertEquals(2, refused);
		assertTrue(refusedErr.toString(StandardCharsets.UTF_8).contains("does not learn from unlabelled images"));
	}
}
