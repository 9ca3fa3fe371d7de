package org.labelefficient.reliability;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.Volume;

/** Native memory is released over many predictions, and one model serves two threads with unchanged results. */
public class PredictionResourcesTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static TrainingFixture fixture;
	private static Path model;

	@BeforeClass
	public static void train() throws Exception {
		fixture = new TrainingFixture(tmp.getRoot().toPath());
		model = tmp.getRoot().toPath().resolve("model");
		StringBuilder err = new StringBuilder();
		assertEquals(err.toString(), 0, TrainingFixture.run(fixture.trainArgs(model, 20), err));
	}

	/** Resident memory of this process in MB (Linux). */
	private static double residentMb() throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/self/status")))
			if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
		return Double.NaN;
	}

	/**
	 * After a warm-up that lets the Java heap settle, resident memory must stay flat over the second half of 1000
	 * predictions: a leaked input and output tensor per prediction would add about 80 MB there.
	 */
	@Test
	public void thousandPredictionsDoNotGrowResidentMemory() throws Exception {
		Volume volume = fixture.testImage();
		try (ModelPredictor p = ModelPredictor.open(model, PredictionOptions.defaults())) {
			double[] rss = new double[3];
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < (round == 0 ? 200 : 500); i++)
					p.segment(volume, "loop");
				System.gc();
				rss[round] = residentMb();
			}
			System.out.printf("resident MB after warm-up %.1f, 500 more %.1f, 1000 more %.1f%n", rss[0], rss[1], rss[2]);
			assertTrue(String.format("resident memory grew from %.1f MB to %.1f MB over the last 500 predictions",
				rss[1], rss[2]), rss[2] - rss[1] < 24);
		}
	}

	@Test
	public void twoThreadsOnOneModelGiveTheSequentialResults() throws Exception {
		Volume image = fixture.testImage();
		try (ModelPredictor p = ModelPredictor.open(model, new PredictionOptions("best", true, false, 0.25, false))) {
			float[] sequential = p.segment(image, "a").probabilities().get(1).data();
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				@SuppressWarnings("unchecked")
				Future<float[]>[] results = new Future[8];
				for (int i = 0; i < results.length; i++)
					results[i] = pool.submit(() -> p.segment(image, "t").probabilities().get(1).data());
				for (Future<float[]> r : results)
					assertArrayEquals(sequential, r.get(), 0f);
			}
			finally {
				pool.shutdown();
			}
		}
	}
}
