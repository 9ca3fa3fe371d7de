package org.labelefficient.method;

import static org.junit.Assert.assertTrue;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoRun;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;

/**
 * ScribSD+ against partial cross-entropy on the synthetic cardiac scribbles at the same budget: the demo's data,
 * settings and test volumes, each method trained with seeds 1 and 2, compared by the mean test Dice over both seeds
 * (one seed alone is noisy at this size). Measured while writing it, mean test Dice at 300 iterations, scribsd vs pce:
 * seed 1 0.846 vs 0.811, seed 2 0.857 vs 0.855, seed 3 0.852 vs 0.821.
 */
public class ScribsdBeatsPceTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static final int ITERATIONS = 300;

	private static final long[] SEEDS = { 1, 2 };

	private static double meanTestDice(String method) throws Exception {
		double sum = 0;
		for (long seed : SEEDS) {
			DemoRun run = new DemoRun(tmp.getRoot().toPath().resolve(method + seed), method, ITERATIONS, 96, seed);
			sum += run.run(new TrainingListener() {}, new TrainingControl(), line -> {}).overallMean().dice();
		}
		return sum / SEEDS.length;
	}

	@Test
	public void scribsdIsAheadOfPceAtTheSameBudget() throws Exception {
		double pce = meanTestDice("pce"), scribsd = meanTestDice("scribsd");
		System.out.printf("ScribsdBeatsPceTest: mean test Dice after %d iterations, seeds 1 and 2: pce %.4f, scribsd "
			+ "%.4f%n", ITERATIONS, pce, scribsd);
		assertTrue("pce learned something: " + pce, pce > 0.6);
		assertTrue("scribsd " + scribsd + " vs pce " + pce, scribsd > pce);
	}
}
