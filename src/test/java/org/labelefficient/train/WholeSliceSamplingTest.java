package org.labelefficient.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.cli.Main;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.metrics.SegmentationMetrics;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.request.ContinueRequest;

/**
 * Training on whole slices resized to the patch size ({@code sampling=slice}): the model records the choice, predicts
 * slices of another size the same way, and continuing or improving it keeps the choice.
 */
public class WholeSliceSamplingTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void aModelTrainedOnWholeSlicesSegmentsLargerSlicesTheSameWay() throws Exception {
		DemoDataset.Layout data = new DemoDataset(80, 3).write(tmp.getRoot().toPath().resolve("data"), 4, 1, 1);
		Path model = tmp.getRoot().toPath().resolve("model");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = Main.run(new String[] { "train", "dataset=" + data.dataset(), "method=pce", "output=" + model,
			"sampling=slice", "patch_size=48", "iterations=600", "batch_size=4", "base_channels=8", "seed=3",
			"learning_rate=3e-3", "validation_interval=60", "log_interval=1000" }, new PrintStream(
				new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true,
					StandardCharsets.UTF_8));
		assertEquals(err.toString(StandardCharsets.UTF_8), 0, status);

		ModelInfo info = ModelInfo.read(model);
		assertEquals("slice", info.sampling);
		assertEquals(48, info.patchSize);
		assertEquals("slice", ContinueRequest.options(model, 1200).get(LoopSettings.SAMPLING.key()));

		Volume image = VolumeIO.read(data.testImages().resolve("test00.nii.gz"));
		Volume label = VolumeIO.read(data.testLabels().resolve("test00.nii.gz"));
		try (ModelPredictor p = ModelPredictor.open(model, PredictionOptions.defaults())) {
			Volume predicted = p.segment(image, "test00").labels();
			assertEquals(80, predicted.width());
			double dice = SegmentationMetrics.meanDice(predicted, label, 4);
			assertTrue("test Dice " + dice, dice > 0.55); // 0.68 measured; all background would score about 0.25
			assertTrue("validation Dice " + info.bestValidationDice, info.bestValidationDice > 0.6); // 0.73 measured
		}
	}

	@Test
	public void wholeSlicesAreRefusedForVolumesBeforeTheDataIsRead() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = Main.run(new String[] { "train", "dataset=" + tmp.getRoot().toPath().resolve("absent"),
			"method=supervised", "output=" + tmp.getRoot().toPath().resolve("m"), "dimensions=3", "sampling=slice" },
			new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true,
				StandardCharsets.UTF_8));
		assertEquals(2, status);
		assertTrue(err.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).contains(
			"sampling=slice resizes 2D slices; dimensions=3 trains on patches of the volume, so use sampling=crop"));
	}

	@Test
	public void anUnknownSamplingIsRefusedWithItsKey() {
		BadInputException e = assertThrows(BadInputException.class, () -> TrainingSettings.of(Map.of(
			LoopSettings.SAMPLING.key(), "whole")));
		assertTrue(e.getMessage(), e.getMessage().contains("sampling") && e.getMessage().contains("slice"));
	}
}
