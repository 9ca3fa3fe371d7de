package org.labelefficient.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.metrics.SegmentationMetrics;
import org.labelefficient.model.ModelInfo;

/**
 * Training 3D U-Nets through the shared loop on generated volumes: supervised reaches a high Dice, the model records
 * its dimensions and predicts whole volumes by sliding windows; methods without a 3D form and 2D/3D mismatches are
 * refused in one sentence.
 */
public class VolumetricTrainingTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	private static Path data, supervised;
	private static TrainingResult result;

	@BeforeClass
	public static void trainSupervised() throws Exception {
		data = Spheres.dataset(TMP.getRoot().toPath().resolve("spheres"), 24, 4, 2, 1);
		supervised = TMP.getRoot().toPath().resolve("supervised3d");
		result = TrainingRunner.run(Requests.of("dataset=" + data, "method=supervised", "output=" + supervised,
			"dimensions=3", "iterations=60", "batch_size=2", "patch_size=16", "validation_interval=20",
			"base_channels=4", "learning_rate=0.01", "log_interval=1000"), new TrainingListener() {},
			new TrainingControl());
		System.out.printf("3D supervised on generated balls: best validation Dice %.4f in %.1f s of training%n", result
			.bestDice(), result.seconds());
	}

	@Test
	public void supervisedReachesAHighDiceAndRecordsA3DNetwork() {
		assertEquals(60, result.iterationsDone());
		assertTrue("validation Dice " + result.bestDice(), result.bestDice() > 0.9);
		ModelInfo info = ModelInfo.read(supervised);
		assertEquals(3, info.dimensions());
		assertArrayEquals(new int[] { 16, 16, 16 }, info.patchShape);
		assertArrayEquals(new int[] { 16, 16, 16 }, info.network().divisors());
	}

	@Test
	public void theSavedModelSegmentsAnUnseenVolumeBySlidingWindows() {
		Volume[] v = Spheres.volume(28, 999); // not a multiple of the window: padded and overlapped
		try (ModelPredictor p = ModelPredictor.open(supervised, new PredictionOptions("best", true, true, 0.5, false))) {
			Segmentation s = p.segment(v[0], "unseen");
			assertTrue(s.labels().sameSize(v[0]));
			assertEquals(2, s.probabilities().size());
			double dice = SegmentationMetrics.meanDice(s.labels(), v[1], 2);
			assertTrue("test Dice " + dice, dice > 0.85);
		}
	}

	/** {@code mirror=true} reaches the 3D path: other probabilities than one pass, as good a segmentation. */
	@Test
	public void mirroredPredictionOfAVolumeAveragesTheFlips() {
		Volume[] v = Spheres.volume(28, 999);
		try (ModelPredictor plain = ModelPredictor.open(supervised, new PredictionOptions("best", true, false, 0.5,
			false)); ModelPredictor mirrored = ModelPredictor.open(supervised, new PredictionOptions("best", true, false,
				0.5, true))) {
			float[] once = plain.segment(v[0], "unseen").probabilities().get(1).data();
			Segmentation s = mirrored.segment(v[0], "unseen");
			float[] averaged = s.probabilities().get(1).data();
			double change = 0;
			for (int i = 0; i < once.length; i++) {
				assertTrue(averaged[i] >= 0 && averaged[i] <= 1.0001);
				change = Math.max(change, Math.abs(averaged[i] - once[i]));
			}
			assertTrue("mirroring changed no probability", change > 1e-4);
			double dice = SegmentationMetrics.meanDice(s.labels(), v[1], 2);
			assertTrue("test Dice " + dice, dice > 0.85);
		}
	}

	@Test
	public void a3DModelRefusesA2DImage() {
		try (ModelPredictor p = ModelPredictor.open(supervised, PredictionOptions.defaults())) {
			BadInputException e = assertThrows(BadInputException.class, () -> p.segment(new Volume(new float[32 * 32],
				32, 32, 1), "slice.tif"));
			assertTrue(e.getMessage(), e.getMessage().contains("slice.tif is a 2D image but the model is a 3D network"));
		}
	}

	@Test
	public void a2DModelCannotStartA3DRun() {
		BadInputException e = assertThrows(BadInputException.class, () -> TrainingRunner.prepare(Requests.of("dataset="
			+ data, "method=supervised", "output=" + TMP.getRoot().toPath().resolve("from2d"), "dimensions=2",
			"patch_size=16", "base_channels=4", "init_model=" + supervised), new TrainingListener() {}));
		assertTrue(e.getMessage(), e.getMessage().contains("UNet3D(") && e.getMessage().contains("dimensions"));
	}

	@Test
	public void methodsWithout3DHeadsAreRefusedBeforeTheData() {
		BadInputException e = assertThrows(BadInputException.class, () -> TrainingRunner.prepare(Requests.of(
			"dataset=/nonexistent", "method=scribsd", "output=" + TMP.getRoot().toPath().resolve("s"), "dimensions=3"),
			new TrainingListener() {}));
		assertEquals("method scribsd has no 3D form yet (its heads are built for 2D feature maps); use dimensions=2, "
			+ "or one of supervised, pce, em, dmpls, mean-teacher, reciprocal with dimensions=3", e.getMessage());
	}

	@Test
	public void aZyxPatchSizeShapesThe3DBatchesAndIsRecorded() throws Exception {
		TrainingJob job = TrainingRunner.prepare(Requests.of("dataset=" + data, "method=supervised", "output=" + TMP
			.getRoot().toPath().resolve("zyx"), "dimensions=3", "patch_size=16,32,48", "batch_size=2",
			"base_channels=4"), new TrainingListener() {});
		org.labelefficient.data.Batch b = job.batches().next(new java.util.Random(1), job.method().batchPlan(2));
		assertArrayEquals(new int[] { 16, 32, 48 }, b.shape());
		assertArrayEquals(new long[] { 2, 16, 32, 48, 1 }, b.imageShape());
		assertEquals(2 * 16 * 32 * 48, b.labels().length);
		assertArrayEquals(new int[] { 16, 32, 48 }, job.info().patchShape);
		assertEquals(48, job.info().patchSize);
	}

	@Test
	public void aZyxPatchSizeIsRefusedIn2DAndEachSizeIsChecked() {
		BadInputException e = assertThrows(BadInputException.class, () -> TrainingRunner.prepare(Requests.of(
			"dataset=/nonexistent", "method=supervised", "output=" + TMP.getRoot().toPath().resolve("z2"),
			"patch_size=16,32,32"), new TrainingListener() {}));
		assertEquals("patch_size=16,32,32 gives z,y,x sizes, which only dimensions=3 uses; give one number for "
			+ "dimensions=2", e.getMessage());
		e = assertThrows(BadInputException.class, () -> Requests.of("dataset=/x", "method=supervised", "output=/y",
			"dimensions=3", "patch_size=40,64,64"));
		assertEquals("patch_size must be an integer of at least 16, a multiple of 16, or three (z,y,x) each of at "
			+ "least 16, a multiple of 16, got 40,64,64", e.getMessage());
		e = assertThrows(BadInputException.class, () -> Requests.of("dataset=/x", "method=supervised", "output=/y",
			"patch_size=50"));
		assertEquals("patch_size must be an integer of at least 16, a multiple of 16, got 50", e.getMessage());
	}
}
