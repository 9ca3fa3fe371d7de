package org.labelefficient.acdc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.data.Dataset;
import org.labelefficient.data.DatasetLoader;
import org.labelefficient.data.DatasetSpec;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.metrics.SegmentationMetrics;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;

/** ACDC smoke tests on a few real volumes; they skip with a message when the shared data is absent. */
public class AcdcSmokeTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/**
	 * The first 3 (7) patients of train_patients.txt hold 60 (142) slices; the 68 (136) quoted by SSL4MIS count the
	 * first slices of its own sorted slice list, which starts with other patients.
	 */
	@Test
	public void labelledPatientsKeepTheFirstPatientsOfTheTrainingList() throws Exception {
		Path acdc = AcdcData.folderOrSkip();
		Path ds = AcdcData.subset(acdc, tmp.newFolder("ds").toPath(), 7, 1);
		for (int[] expected : new int[][] { { 3, 60 }, { 7, 142 } }) {
			Dataset d = DatasetLoader.load(new DatasetSpec(ds, 4, expected[0], 0, 0.2, "train_patients.txt",
				"val_patients.txt", Normalization.ZSCORE, 1));
			assertEquals(4, d.numClasses());
			assertEquals("dense slices of " + expected[0] + " patients", expected[1], d.denseSlices());
			assertEquals(2, d.validation().size());
		}
	}

	@Test
	public void scribbleTrainingRunsAndPredictsAVolume() throws Exception {
		Path acdc = AcdcData.folderOrSkip();
		Path ds = AcdcData.subset(acdc, tmp.newFolder("ds").toPath(), 2, 1);
		Path model = tmp.getRoot().toPath().resolve("model");
		TrainingResult r = TrainingRunner.run(Requests.of("dataset=" + ds, "method=pce", "output=" + model,
			"unlabelled_value=4", "iterations=12", "batch_size=2", "patch_size=64", "lr_step=1000", "weight_decay=0",
			"validation_interval=6", "base_channels=8", "log_interval=5"), new TrainingListener() {},
			new TrainingControl());
		assertEquals(12, r.iterationsDone());
		assertTrue(Files.isRegularFile(model.resolve("model.json")));
		Path volume = acdc.resolve("volumes").resolve(AcdcData.testPatients(acdc, 1).get(0) + "_frame01.h5");
		Volume image = VolumeIO.read(volume), label = VolumeIO.readHdf5(volume, "label");
		try (ModelPredictor p = ModelPredictor.open(model, PredictionOptions.defaults())) {
			Segmentation seg = p.segment(image, volume.toString());
			assertTrue(seg.labels().sameSize(image));
			for (float v : seg.labels().data())
				assertTrue(v >= 0 && v <= 3 && v == Math.rint(v));
			double dice = SegmentationMetrics.meanDice(seg.labels(), label, 4);
			assertTrue(dice >= 0 && dice <= 1);
		}
	}
}
