package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.Map;

import org.labelefficient.train.RemainingTime;
import org.labelefficient.train.TrainingListener;

/** Prints training progress as lines: iteration, loss terms, learning rate, speed and time left. */
public final class ConsoleProgress implements TrainingListener {

	private final PrintStream out;
	private final int every;

	/** Prints every {@code every}-th iteration (and the last). */
	public ConsoleProgress(PrintStream out, int every) {
		this.out = out;
		this.every = every;
	}

	/** Prints every 20th iteration. */
	public ConsoleProgress(PrintStream out) {
		this(out, 20);
	}

	@Override
	public void log(String message) {
		out.println(message);
	}

	@Override
	public void iteration(Progress p) {
		if (p.iteration() % every != 0 && p.iteration() != p.total() && p.iteration() != 1) return;
		StringBuilder b = new StringBuilder(String.format("iteration %d/%d  loss %.4f", p.iteration(), p.total(), p
			.loss()));
		for (Map.Entry<String, Double> t : p.terms().entrySet())
			b.append(String.format("  %s %.4f", t.getKey(), t.getValue()));
		b.append(String.format("  lr %.2e  %.3f s/it  ETA %s", p.learningRate(), p.secondsPerIteration(),
			RemainingTime.format(p.secondsLeft())));
		out.println(b);
	}

	@Override
	public void validated(int iteration, double meanDice, boolean best) {
		out.printf("validation at iteration %d: mean Dice %.4f%s%n", iteration, meanDice, best ? " (best so far)" : "");
	}
}
