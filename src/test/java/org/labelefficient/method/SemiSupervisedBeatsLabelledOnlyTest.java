package org.labelefficient.method;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.demo.SyntheticCardiac;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;
import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingRunner;

/**
 * Each semi-supervised method against the model trained on the labelled part alone, at the same budget, where
 * unlabelled data should help: synthetic cardiac volumes, one labelled training case as acquired on a clean scanner,
 * eight unlabelled ones, the two validation and four test cases as acquired on a noisier one (Gaussian noise of 0.2,
 * against intensity steps of 0.1 between background and myocardium). Compared by the mean test Dice of the best
 * checkpoint over two seeds. Measured while writing it (300 iterations, mean of seeds 1 and 2): labelled-only 0.411,
 * mean-teacher 0.610, reciprocal 0.498, action 0.531; before the labelled and unlabelled samples were batch-normalised
 * apart, mean-teacher fell below the labelled-only model even without the noisier scanner. On another machine, after
 * reciprocal's frozen student stopped decaying under weight decay during pre-training: labelled-only 0.423,
 * mean-teacher 0.663, reciprocal 0.676, action 0.576; after reciprocal's student passed each half apart, reciprocal
 * 0.888; after the mean-teacher and action teachers kept batch-norm statistics of their own (teacher_batch_statistics,
 * which raised both on ACDC): mean-teacher 0.654, action 0.485.
 */
public class SemiSupervisedBeatsLabelledOnlyTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static final int ITERATIONS = 300;
	private static final long[] SEEDS = { 1, 2 };
	private static Path dataset, testImages, testLabels;

	@BeforeClass
	public static void data() throws IOException {
		Path root = tmp.getRoot().toPath();
		SyntheticCardiac generator = new SyntheticCardiac(64, 4, DemoDataset.UNLABELLED);
		dataset = root.resolve("dataset");
		testImages = root.resolve("test/images");
		testLabels = root.resolve("test/labels");
		List<String> validation = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			SyntheticCardiac.Case c = generator.generate(i);
			boolean labelled = i == 0, unlabelled = i >= 1 && i <= 8, test = i >= 11;
			String name = labelled || unlabelled ? "train" + i : test ? "test" + i : "val" + i;
			if (!labelled) noisier(c.image(), 100 + i);
			VolumeIO.write(c.image(), (test ? testImages : dataset.resolve("images")).resolve(name + ".nii.gz"),
				VoxelType.FLOAT32);
			if (!unlabelled) VolumeIO.write(c.label(), (test ? testLabels : dataset.resolve("labels")).resolve(name
				+ ".nii.gz"), VoxelType.UINT8);
			if (!labelled && !unlabelled && !test) validation.add(name);
		}
		Files.write(dataset.resolve("val_patients.txt"), validation);
	}

	/** The second scanner: Gaussian noise of standard deviation 0.2 added. */
	private static void noisier(Volume image, long seed) {
		Random r = new Random(seed);
		float[] v = image.data();
		for (int i = 0; i < v.length; i++)
			v[i] += (float) (0.2 * r.nextGaussian());
	}

	private static double meanTestDice(String method) throws IOException {
		double sum = 0;
		for (long seed : SEEDS) {
			Path model = tmp.getRoot().toPath().resolve(method + seed);
			TrainingRunner.run(Requests.of("dataset=" + dataset, "method=" + method, "output=" + model,
				"unlabelled_value=" + DemoDataset.UNLABELLED, "validation_fraction=0", "iterations=" + ITERATIONS,
				"patch_size=64", "seed=" + seed, "learning_rate=2e-3", "lr_step=1000", "validation_interval=" + Math.max(1,
					ITERATIONS / 4)), new TrainingListener() {}, new TrainingControl());
			Path predictions = model.resolve("predictions");
			try (ModelPredictor p = ModelPredictor.open(model, PredictionOptions.defaults())) {
				p.predictPath(testImages, predictions, line -> {});
			}
			double dice = new FolderEvaluation(null, 0).evaluate(predictions, testLabels, line -> {}).overallMean()
				.dice();
			System.out.printf("SemiSupervisedBeatsLabelledOnlyTest: %s seed %d: test Dice %.4f%n", method, seed, dice);
			sum += dice;
		}
		return sum / SEEDS.length;
	}

	@Test
	public void eachMethodIsAheadOfTheLabelledOnlyModel() throws IOException {
		double labelledOnly = meanTestDice("supervised");
		List<String> behind = new ArrayList<>();
		for (String method : List.of("mean-teacher", "reciprocal", "action")) {
			double dice = meanTestDice(method);
			System.out.printf("SemiSupervisedBeatsLabelledOnlyTest: %s %.4f vs labelled-only %.4f%n", method, dice,
				labelledOnly);
			if (!(dice > labelledOnly)) behind.add(String.format("%s %.4f", method, dice));
		}
		assertTrue("behind the labelled-only model's " + labelledOnly + ": " + behind, behind.isEmpty());
	}
}
