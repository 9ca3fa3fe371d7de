package org.labelefficient.ui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;

/**
 * The training curves a person watches: the loss of every iteration (drawn as a running mean over a window, so that
 * the trend shows through batch noise) and the validation Dice at each validation, as an ImageJ {@link Plot}.
 * Not thread-safe: the training thread adds, the window copies under its own lock.
 */
public final class TrainingCurves {

	/** Iterations averaged by the plotted loss line. */
	public static final int SMOOTHING = 20;

	private final List<double[]> loss = new ArrayList<>();
	private final List<double[]> dice = new ArrayList<>();
	private int total = 1;
	private int last;

	/** Records the loss after {@code iteration} of {@code total}. */
	public void addLoss(int iteration, int total, double value) {
		this.total = Math.max(1, total);
		this.last = Math.max(last, iteration);
		loss.add(new double[] { iteration, value });
	}

	/** Records a validation result. */
	public void addDice(int iteration, double meanDice) {
		dice.add(new double[] { iteration, meanDice });
	}

	/** The iterations and running-mean losses of the plotted loss line (non-finite losses are skipped). */
	public double[][] smoothedLoss() {
		List<double[]> finite = loss.stream().filter(p -> Double.isFinite(p[1])).toList();
		double[] x = new double[finite.size()], y = new double[finite.size()];
		double sum = 0;
		for (int i = 0; i < finite.size(); i++) {
			sum += finite.get(i)[1];
			if (i >= SMOOTHING) sum -= finite.get(i - SMOOTHING)[1];
			x[i] = finite.get(i)[0];
			y[i] = sum / Math.min(i + 1, SMOOTHING);
		}
		return new double[][] { x, y };
	}

	/** The iterations and mean Dice values of the validations so far. */
	public double[][] validationDice() {
		return columns(dice);
	}

	/** The best validation as {iteration, Dice}, or null before the first validation. */
	public double[] best() {
		return dice.stream().filter(p -> Double.isFinite(p[1])).max((a, b) -> Double.compare(a[1], b[1])).orElse(
			null);
	}

	/**
	 * A plot of both curves, {@code width} x {@code height} pixels, over the iterations done so far and a quarter more
	 * (at least 50, at most the run's total), so that the curves fill the plot from the first iterations on.
	 */
	public Plot plot(int width, int height) {
		Plot plot = new Plot("Training", "iteration", "loss (blue), validation Dice (red)");
		plot.setSize(width, height);
		double[][] l = smoothedLoss(), d = validationDice();
		double top = 1;
		for (double v : l[1]) top = Math.max(top, v);
		plot.setLimits(0, Math.min(total, Math.max(50, last * 1.25)), 0, Math.min(top * 1.05, 10));
		plot.setColor(new Color(40, 90, 200));
		plot.addPoints(l[0], l[1], Plot.LINE);
		plot.setColor(new Color(210, 40, 40));
		plot.addPoints(d[0], d[1], Plot.CONNECTED_CIRCLES);
		plot.setColor(Color.BLACK);
		plot.addLegend("loss (mean of " + SMOOTHING + ")\tvalidation Dice", "top-right");
		return plot;
	}

	private static double[][] columns(List<double[]> points) {
		double[] x = new double[points.size()], y = new double[points.size()];
		for (int i = 0; i < points.size(); i++) {
			x[i] = points.get(i)[0];
			y[i] = points.get(i)[1];
		}
		return new double[][] { x, y };
	}
}
