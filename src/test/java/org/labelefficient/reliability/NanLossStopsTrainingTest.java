package org.labelefficient.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A loss that stops being finite ends the run with exit status 3, a message, and the last good checkpoint kept. */
public class NanLossStopsTrainingTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void divergingRunStopsAndKeepsTheLastGoodCheckpoint() throws Exception {
		Path root = tmp.getRoot().toPath();
		TrainingFixture f = new TrainingFixture(root);
		Path model = root.resolve("model");
		StringBuilder err = new StringBuilder();
		// ten sane steps, then a learning rate a million times larger
		int status = TrainingFixture.run(f.trainArgs(model, 400, "optimizer=sgd", "learning_rate=0.01",
			"lr_schedule=step", "lr_step=10", "lr_gamma=1e8", "validation_interval=1"), err);
		assertEquals(err.toString(), 3, status);
		Matcher m = Pattern.compile("(loss|weights) became .* iteration (\\d+); training stopped\\. The last good "
			+ "checkpoint \\(iteration (\\d+)\\)").matcher(err);
		assertTrue(err.toString(), m.find());
		int failed = Integer.parseInt(m.group(2)), kept = Integer.parseInt(m.group(3));
		assertTrue(err.toString(), kept >= 10 && kept < failed);
		String state = Files.readString(model.resolve("checkpoint/state.json"));
		assertTrue(state, state.contains("\"iterationsDone\": " + kept));
		float[] p = f.probabilities(model, "latest");
		for (float v : p)
			assertTrue("the kept model predicts finite probabilities", Float.isFinite(v));
	}
}
