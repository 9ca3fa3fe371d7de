package org.labelefficient.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.data.Batch;
import org.labelefficient.data.BatchAssembler;
import org.labelefficient.data.BatchPlan;
import org.labelefficient.demo.SyntheticCardiac;
import org.labelefficient.infer.SavedModelNetwork;
import org.labelefficient.infer.VolumeSegmenter;
import org.labelefficient.io.Sampling;
import org.labelefficient.io.Volume;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.method.Methods;
import org.labelefficient.method.TrainingMethod;
import org.labelefficient.metrics.SegmentationMetrics;
import org.labelefficient.model.HistoryEntry;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.nn.UNetConfig;

public class TrainerTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Crops random 32x32 patches of z-normalised synthetic slices; labels dense or scribbles. */
	static BatchAssembler synthetic(List<SyntheticCardiac.Case> cases) {
		return (Random random, BatchPlan plan) -> {
			int p = 32, n = plan.size();
			float[] images = new float[n * p * p];
			int[] labels = new int[n * p * p];
			for (int b = 0; b < n; b++) {
				SyntheticCardiac.Case c = cases.get(random.nextInt(cases.size()));
				int z = random.nextInt(c.image().depth()), x0 = random.nextInt(c.image().width() - p + 1), y0 = random
					.nextInt(c.image().height() - p + 1);
				for (int y = 0; y < p; y++)
					for (int x = 0; x < p; x++) {
						int i = (b * p + y) * p + x;
						images[i] = c.image().get(x0 + x, y0 + y, z) * 4 - 2;
						float s = plan.kind() == BatchPlan.LabelKind.DENSE ? c.label().get(x0 + x, y0 + y, z) : c
							.scribble().get(x0 + x, y0 + y, z);
						labels[i] = s == 255 ? -1 : (int) s;
					}
			}
			return new Batch(images, labels, n, p);
		};
	}

	static Volume normalised(Volume v) {
		float[] d = v.data().clone();
		for (int i = 0; i < d.length; i++)
			d[i] = d[i] * 4 - 2;
		return new Volume(d, v.width(), v.height(), v.depth(), v.spacing());
	}

	@Test
	public void supervisedTrainingOnEasyDataReachesHighDiceAndExportsAModel() throws Exception {
		SyntheticCardiac gen = new SyntheticCardiac(48, 2, 255);
		List<SyntheticCardiac.Case> cases = new ArrayList<>();
		for (int i = 0; i < 6; i++)
			cases.add(gen.generate(i));
		SyntheticCardiac.Case val = gen.generate(100);
		Path out = tmp.newFolder("model").toPath();
		TrainingMethod method = Methods.get("supervised");
		UNetConfig net = new UNetConfig(1, 4, new int[] { 8, 16, 32 }, new double[] { 0, 0, 0 }, false);
		TrainingSettings s = TrainingSettings.of(Requests.words("iterations=150", "batch_size=4", "patch_size=32",
			"learning_rate=3e-3", "lr_step=1000", "weight_decay=0", "validation_interval=50", "base_channels=8",
			"log_interval=10"));
		ModelInfo info = new ModelInfo();
		info.setNetwork(net);
		info.normalization = "none";
		List<Double> dice = new ArrayList<>();
		TrainingJob job = new TrainingJob(method, new SettingValues(method.settings(), Map.of()), s, net, synthetic(
			cases), List.of(new ValidationCase("val", normalised(val.image()), val.label())), out, false, info);
		TrainingResult r = new Trainer(job, new TrainingListener() {
			@Override
			public void validated(int iteration, double meanDice, boolean best) {
				dice.add(meanDice);
			}
		}, new TrainingControl()).run();
		assertEquals(150, r.iterationsDone());
		assertEquals(3, dice.size());
		assertTrue("validation Dice " + dice, r.bestDice() > 0.85);
		assertTrue(Files.isRegularFile(out.resolve("model.json")));
		try (SavedModelNetwork loaded = new SavedModelNetwork(ModelFolder.best(out), 4, 4)) {
			Volume labels = new VolumeSegmenter(loaded, Sampling.CROP, 32, 0.25).segment(normalised(val.image()), false).labels();
			assertEquals(r.bestDice(), SegmentationMetrics.meanDice(labels, val.label(), 4), 1e-6);
		}
	}

	@Test
	public void aRunThatKeptItsStartSaysWhereItsLastWeightsAre() {
		HistoryEntry last = new HistoryEntry(600, 0.1, 0.7927, 780);
		String kept = Trainer.gainLine(new TrainingResult(null, 600, false, 0.8018, 0, 780, 0.8018), 0, 0, List.of(
			new HistoryEntry(0, Double.NaN, 0.8018, 0), last));
		assertEquals("Validation Dice 0.8018 at the start of this run, 0.8018 now (best, iteration 0): +0.0000. No "
			+ "validation of this run beat the start, which stays the best model; the last weights (validation Dice "
			+ "0.7927 at iteration 600) are kept as latest: predict with checkpoint=latest to use them", kept);
		String improved = Trainer.gainLine(new TrainingResult(null, 600, false, 0.83, 400, 780, 0.8018), 0, 0, List
			.of(new HistoryEntry(0, Double.NaN, 0.8018, 0), last));
		assertEquals("Validation Dice 0.8018 at the start of this run, 0.8300 now (best, iteration 400): +0.0282",
			improved);
		String continued = Trainer.gainLine(new TrainingResult(null, 2600, false, 0.71, 1400, 900, 0.71), 2000, 1400,
			List.of(new HistoryEntry(1400, 0.2, 0.71, 700), new HistoryEntry(2600, 0.1, 0.69, 900)));
		assertEquals("Validation Dice 0.7100 when this run resumed at iteration 2000 (best, iteration 1400), 0.7100 "
			+ "now (best, iteration 1400): +0.0000. No validation since the resume beat the best so far, which stays "
			+ "the best model; the last weights (validation Dice 0.6900 at iteration 2600) are kept as latest: predict "
			+ "with checkpoint=latest to use them", continued);
	}

	@Test
	public void aResumedWarmStartAlsoSaysWhatItGainedOverItsStartingModel() {
		List<HistoryEntry> history = List.of(new HistoryEntry(0, Double.NaN, 0.7004, 0), new HistoryEntry(8639, 0.1,
			0.8362, 12000), new HistoryEntry(9300, 0.1, 0.8338, 12986));
		String resumed = Trainer.gainLine(new TrainingResult(null, 9300, false, 0.8362, 8639, 12986, 0.8362), 8639,
			8639, history);
		assertTrue(resumed, resumed.startsWith("Validation Dice 0.8362 when this run resumed at iteration 8639 (best, "
			+ "iteration 8639), 0.8362 now (best, iteration 8639): +0.0000; 0.7004 at the warm start: +0.1358 since. "
			+ "No validation since the resume beat the best so far"));
		String improved = Trainer.gainLine(new TrainingResult(null, 9300, false, 0.85, 9300, 12986, 0.8362), 8639,
			8639, history);
		assertEquals("Validation Dice 0.8362 when this run resumed at iteration 8639 (best, iteration 8639), 0.8500 "
			+ "now (best, iteration 9300): +0.0138; 0.7004 at the warm start: +0.1496 since", improved);
	}
}
