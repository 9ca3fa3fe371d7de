package org.labelefficient.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The learning rate per iteration: the poly and step schedules, and the linear warm-up in front of either. */
public class LearningRateScheduleTest {

	@Test
	public void polyAndStepSchedulesWithoutWarmup() {
		TrainingSettings poly = TrainingSettings.of(Requests.words("iterations=100", "learning_rate=0.01"));
		assertEquals(0.01, poly.learningRateAt(0), 1e-12);
		assertEquals(0.01 * Math.pow(0.5, 0.9), poly.learningRateAt(50), 1e-12);
		TrainingSettings step = TrainingSettings.of(Requests.words("iterations=100", "learning_rate=0.01",
			"lr_schedule=step", "lr_step=30", "lr_gamma=0.5"));
		assertEquals(0.01, step.learningRateAt(29), 1e-12);
		assertEquals(0.005, step.learningRateAt(30), 1e-12);
	}

	@Test
	public void warmupRisesLinearlyToTheScheduleAndThenFollowsIt() {
		TrainingSettings plain = TrainingSettings.of(Requests.words("iterations=100", "learning_rate=0.01"));
		TrainingSettings warm = TrainingSettings.of(Requests.words("iterations=100", "learning_rate=0.01",
			"warmup=10"));
		assertEquals(plain.learningRateAt(0) / 10, warm.learningRateAt(0), 1e-12);
		assertEquals(plain.learningRateAt(4) * 5 / 10, warm.learningRateAt(4), 1e-12);
		assertEquals(plain.learningRateAt(9), warm.learningRateAt(9), 1e-12);
		for (int t = 10; t < 100; t += 7)
			assertEquals(plain.learningRateAt(t), warm.learningRateAt(t), 0);
		for (int t = 1; t < 10; t++)
			assertTrue("rising at " + t, warm.learningRateAt(t) > warm.learningRateAt(t - 1));
	}
}
