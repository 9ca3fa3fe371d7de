package org.labelefficient.method;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.BadInputException;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.request.ContinueRequest;
import org.labelefficient.request.ImproveRequest;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingRunner;
import org.labelefficient.train.TrainingSettings;

/**
 * {@code continue} keeps a method's phases where the first run laid them out: a Reciprocal Learning model of 4
 * iterations (teacher pre-training in 1-2) continued to 10 goes on with the reciprocal phase, where the stretched
 * progress (4 / 10 = 0.4, below {@code pretrain} 0.5) would pre-train its teacher again while the model stood still;
 * {@code improve} of that model, a new run, lays out its own phases.
 */
public class ContinuedPhasesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void aContinuedRunStaysInTheLastPhaseOfItsFirstRun() throws Exception {
		Path root = tmp.getRoot().toPath();
		Path dataset = EveryMethodTrainsTest.denseDataset(root, new DemoDataset(64, 2).write(root.resolve("data"), 3,
			1, 1));
		Path model = root.resolve("model");
		PhaseLog log = new PhaseLog();
		train(Requests.of("dataset=" + dataset, "method=reciprocal", "output=" + model, "iterations=4",
			"batch_size=2", "patch_size=32", "validation_interval=2", "base_channels=4", "log_interval=100"), log);
		assertEquals(List.of("Iterations 1-2: teacher pre-training", "Iterations 3-4: reciprocal learning",
			"From iteration 3: reciprocal learning"), log.phaseLines());

		Map<String, String> options = ContinueRequest.options(model, 10);
		assertEquals("4", options.get("phase_iterations"));
		log.clear();
		train(Requests.of(options), log);
		assertEquals(10, ModelInfo.read(model).iterationsDone);
		assertEquals(List.of("Iterations 1-2: teacher pre-training", "Iterations 3-10: reciprocal learning"),
			log.phaseLines());
		// continued again, the layout is still the first run's; improved, a new run lays out its own
		assertEquals("4", ContinueRequest.options(model, 12).get("phase_iterations"));
		assertEquals(null, ImproveRequest.options(model, Map.of("method", "mean-teacher", "output", root.resolve(
			"improved").toString())).get("phase_iterations"));
	}

	@Test
	public void progressFollowsThePhaseIterationsUpToOneAndTheyStayWithinTheBudget() {
		TrainingSettings s = TrainingSettings.of(Requests.words("iterations=10", "phase_iterations=4"));
		assertEquals(0.5, s.progressAt(2), 0);
		assertEquals(1, s.progressAt(7), 0);
		assertEquals(0.2, TrainingSettings.of(Requests.words("iterations=10")).progressAt(2), 0);
		BadInputException e = assertThrows(BadInputException.class, () -> TrainingSettings.of(Requests.words(
			"iterations=10", "phase_iterations=11")));
		assertTrue(e.getMessage(), e.getMessage().startsWith("phase_iterations (11) must not exceed iterations (10)"));
	}

	private static void train(TrainingRequest request, PhaseLog log) throws Exception {
		TrainingRunner.run(request, log, new TrainingControl());
	}
}
