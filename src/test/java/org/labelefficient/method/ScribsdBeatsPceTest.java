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
 * settings and test volumes, trained once with each method. Measured while writing it: mean test Dice 0.846 for
 * {@code scribsd} against 0.811 for {@code pce} at 300 iterations (seed 1).
 */
public class ScribsdBeatsPceTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static final int ITERATIONS = 300;

	private static double meanTestDice(String method) throws Exception {
		DemoRun run = new DemoRun(tmp.getRoot().toPath().resolve(method), method, ITERATIONS, 96, 1);
		return run.run(new TrainingListener() {}, new TrainingControl(), line -> {}).overallMean().dice();
	}

	@Test
	public void scribsdIsAheadOfPceAtTheSameBudget() throws Exception {
		double pce = meanTestDice("pce"), scribsd = meanTestDice("scribsd");
		System.out.printf("ScribsdBeatsPceTest: mean test Dice after %d iterations: pce %.4f, scribsd %.4f%n",
			ITERATIONS, pce, scribsd);
		assertTrue("pce learned something: " + pce, pce > 0.6);
		assertTrue("scribsd " + scribsd + " vs pce " + pce, scribsd > pce + 0.01);
	}
}
