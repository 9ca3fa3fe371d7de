package org.labelefficient.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.model.ModelInfo;

/** Mean Teacher and Reciprocal Learning train a 3D U-Net through the shared loop (a few iterations each). */
public class VolumetricSemiSupervisedTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	@Test
	public void semiSupervisedMethodsTrainIn3D() throws Exception {
		Path data = Spheres.dataset(TMP.getRoot().toPath().resolve("spheres"), 24, 2, 2, 1);
		for (String method : new String[] { "mean-teacher", "reciprocal" }) {
			Path model = TMP.getRoot().toPath().resolve(method + "3d");
			TrainingResult r = TrainingRunner.run(Requests.of("dataset=" + data, "method=" + method, "output=" + model,
				"dimensions=3", "iterations=3", "batch_size=2", "patch_size=16", "validation_interval=3",
				"base_channels=4", "log_interval=1000"), new TrainingListener() {}, new TrainingControl());
			assertEquals(method, 3, r.iterationsDone());
			assertTrue(method, Double.isFinite(r.bestDice()));
			assertEquals(method, 3, ModelInfo.read(model).dimensions());
		}
	}
}
