package org.labelefficient.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.model.ModelInfo;

/** Every method with a 3D form trains a 3D U-Net through the shared loop (a few iterations each) and exports it. */
public class VolumetricMethodsTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	@Test
	public void everyVolumetricMethodTrainsIn3D() throws Exception {
		Path data = Spheres.dataset(TMP.getRoot().toPath().resolve("spheres"), 24, 2, 2, 1);
		for (String method : new String[] { "pce", "em", "dmpls", "mean-teacher", "reciprocal" }) {
			Path model = TMP.getRoot().toPath().resolve(method + "3d");
			TrainingResult r = TrainingRunner.run(Requests.of("dataset=" + data, "method=" + method, "output=" + model,
				"dimensions=3", "unlabelled_value=" + Spheres.UNLABELLED, "iterations=3", "batch_size=2", "patch_size=16",
				"validation_interval=3", "base_channels=4", "log_interval=1000"), new TrainingListener() {},
				new TrainingControl());
			assertEquals(method, 3, r.iterationsDone());
			assertTrue(method, Double.isFinite(r.bestDice()));
			assertEquals(method, 3, ModelInfo.read(model).dimensions());
		}
	}
}
