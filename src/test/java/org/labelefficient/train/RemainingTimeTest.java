package org.labelefficient.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.labelefficient.method.MethodGraph;

/**
 * The time left: a moving average of iteration durations per unit of phase cost, so that a cheap first phase does not
 * hide the costlier ones after it (ACTION's stage i costs a third of its stage iii); and the phases' iterations as the
 * log announces them.
 */
public class RemainingTimeTest {

	private static MethodGraph.Phase phase(double start, double cost) {
		return new MethodGraph.Phase(start, null, null, Map.of(), "phase", cost);
	}

	@Test
	public void onePhaseExtrapolatesTheAverageDuration() {
		RemainingTime t = RemainingTime.of(List.of(phase(0, 1)), 10);
		assertEquals(Double.NaN, t.secondsPerIteration(), 0);
		t.record(0, 2);
		t.record(1, 2);
		assertEquals(2, t.secondsPerIteration(), 1e-12);
		assertEquals(16, t.secondsLeft(2, 10), 1e-12);
		t.record(2, 3);
		assertEquals(2.1, t.secondsPerIteration(), 1e-12);
	}

	@Test
	public void aCheapFirstPhaseCountsTheCostlierPhaseAfterIt() {
		// 100 iterations: half at 0.5 supervised steps each, half at 2 (Reciprocal Learning's phases)
		RemainingTime t = RemainingTime.of(List.of(phase(0, 0.5), phase(0.5, 2)), 100);
		for (int it = 0; it < 10; it++)
			t.record(it, 0.5);
		assertEquals(0.5, t.secondsPerIteration(), 1e-12);
		// 40 more at 0.5 s, then 50 at 2 s: not the 45 s that the current speed alone gives
		assertEquals(40 * 0.5 + 50 * 2.0, t.secondsLeft(10, 100), 1e-9);
		// the second phase runs slower than declared: its first iteration moves the estimate, per unit of cost
		t.record(50, 3);
		assertEquals(2 * (1 + 0.1 * (1.5 - 1)), t.secondsPerIteration(), 1e-12);
		assertEquals(49 * 2.1, t.secondsLeft(51, 100), 1e-9);
	}

	@Test
	public void phasesChangeAtTheIterationsTheLoopChangesThem() {
		// 0.07 x 100 is 7.000000000000001 in doubles, but the loop runs the phase from iteration 7 (7 / 100 >= 0.07)
		for (double[] starts : new double[][] { { 1.0 / 3, 0.7 }, { 0.07, 0.55 }, { 0.25, 0.5 }, { 0.14, 0.9 } })
			for (int iterations : new int[] { 7, 10, 100, 3000 }) {
				List<MethodGraph.Phase> phases = List.of(phase(0, 0.45), phase(starts[0], 1.45), phase(starts[1], 3));
				MethodGraph graph = new MethodGraph(phases, null, List.of(), null, List.of());
				RemainingTime t = RemainingTime.of(phases, iterations);
				t.record(0, 0.45);
				for (int it = 0; it < iterations; it++)
					assertEquals(iterations + " iterations, iteration " + it, graph.phaseAt((double) it / iterations)
						.cost(), t.secondsLeft(it, it + 1), 1e-12);
			}
	}

	@Test
	public void thePhasePlanNamesEachPhaseThatRunsWithItsIterations() {
		List<MethodGraph.Phase> phases = List.of(new MethodGraph.Phase(0, null, null, Map.of(), "first", 1),
			new MethodGraph.Phase(0.5, null, null, Map.of(), "never runs", 1), new MethodGraph.Phase(0.5, null, null,
				Map.of(), "second", 2));
		assertEquals(List.of("Iterations 1-5: first", "Iterations 6-10: second"), Trainer.phasePlan(phases, 10, 10));
		// continued to 25 iterations: the last phase runs on
		assertEquals(List.of("Iterations 1-5: first", "Iterations 6-25: second"), Trainer.phasePlan(phases, 10, 25));
	}

	@Test
	public void formatsHoursMinutesAndSeconds() {
		assertEquals("1:02:05", RemainingTime.format(3725));
		assertEquals("1:05", RemainingTime.format(65));
		assertEquals("?", RemainingTime.format(Double.NaN));
	}

	@Test
	public void aPhaseCostMustBePositive() {
		assertThrows(IllegalArgumentException.class, () -> phase(0, 0));
		assertThrows(IllegalArgumentException.class, () -> phase(0, Double.NaN));
	}
}
