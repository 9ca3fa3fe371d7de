package org.labelefficient.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;

import org.labelefficient.train.RemainingTime;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;

/**
 * The window a person watches while a model trains: live curves of loss and validation Dice, a progress bar with
 * speed and time left, and two buttons: Finish now (stop after this iteration, keep the best and latest models) and
 * Cancel (the same, reported as cancelled). Closing the window while training cancels. Listener calls come from the
 * training thread; the window redraws on the event thread at most every {@value #REDRAW_MILLIS} ms.
 */
public final class TrainingWindow implements TrainingListener {

	/** Least time between two redraws of the plot. */
	public static final long REDRAW_MILLIS = 500;

	private static final int PLOT_WIDTH = 640, PLOT_HEIGHT = 300;

	private final TrainingCurves curves = new TrainingCurves();
	private final TrainingControl control;
	private final JFrame frame;
	private final JLabel plot = new JLabel();
	private final JLabel status = new JLabel("Preparing the data...");
	private final JProgressBar progress = new JProgressBar();
	private final JButton finish = new JButton("Finish now");
	private final JButton cancel = new JButton("Cancel");
	private volatile boolean done;
	private long lastRedraw;
	private String lastLine = "";

	private TrainingWindow(String title, TrainingControl control) {
		this.control = control;
		frame = new JFrame(title);
		finish.setToolTipText("Stop after this iteration and keep the best and latest models");
		cancel.setToolTipText("Stop now; the best and latest models written so far stay on disk");
		finish.addActionListener(e -> request(false));
		cancel.addActionListener(e -> request(true));
		JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
		buttons.add(finish);
		buttons.add(cancel);
		JPanel south = new JPanel(new BorderLayout(4, 4));
		south.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
		south.add(progress, BorderLayout.NORTH);
		south.add(status, BorderLayout.CENTER);
		south.add(buttons, BorderLayout.SOUTH);
		frame.getContentPane().add(plot, BorderLayout.CENTER);
		frame.getContentPane().add(south, BorderLayout.SOUTH);
		frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
		frame.addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosing(WindowEvent e) {
				if (!done) control.cancel();
			}
		});
		redraw();
		frame.pack();
	}

	/** Opens a window that stops the run through {@code control}; call from any thread. */
	public static TrainingWindow open(String title, TrainingControl control) {
		TrainingWindow[] window = new TrainingWindow[1];
		onEventThread(() -> {
			window[0] = new TrainingWindow(title, control);
			window[0].frame.setLocationByPlatform(true);
			window[0].frame.setVisible(true);
		});
		return window[0];
	}

	/** The frame, for tests and screenshots. */
	public JFrame frame() {
		return frame;
	}

	@Override
	public void iteration(Progress p) {
		String line = String.format("Iteration %d / %d  \u00b7  loss %.4f  \u00b7  %.2f s/it  \u00b7  %s left", p.iteration(), p.total(), p
			.loss(), p.secondsPerIteration(), RemainingTime.format(p.secondsLeft()));
		boolean redraw;
		synchronized (this) {
			curves.addLoss(p.iteration(), p.total(), p.loss());
			lastLine = line;
			long now = System.currentTimeMillis();
			redraw = now - lastRedraw >= REDRAW_MILLIS || p.iteration() == p.total();
			if (redraw) lastRedraw = now;
		}
		int iteration = p.iteration(), total = p.total();
		SwingUtilities.invokeLater(() -> {
			progress.setMaximum(total);
			progress.setValue(iteration);
			status.setText(statusText());
		});
		if (redraw) SwingUtilities.invokeLater(this::redraw);
	}

	@Override
	public void validated(int iteration, double meanDice, boolean best) {
		synchronized (this) {
			curves.addDice(iteration, meanDice);
		}
		SwingUtilities.invokeLater(this::redraw);
	}

	/** Marks the run as ended: the buttons are disabled and the status says how it ended. */
	public void finished(String summary) {
		done = true;
		SwingUtilities.invokeLater(() -> {
			finish.setEnabled(false);
			cancel.setEnabled(false);
			status.setText(summary);
			redraw();
		});
	}

	private void request(boolean cancelRun) {
		if (cancelRun) control.cancel();
		else control.finishNow();
		finish.setEnabled(false);
		cancel.setEnabled(false);
		status.setText((cancelRun ? "Cancelling" : "Finishing") + " after this iteration; saving the models...");
	}

	private synchronized String statusText() {
		double[] best = curves.best();
		return best == null ? lastLine : String.format("%s  \u00b7  best Dice %.4f at %d", lastLine, best[1],
			(int) best[0]);
	}

	private void redraw() {
		BufferedImage image;
		synchronized (this) {
			image = curves.plot(PLOT_WIDTH, PLOT_HEIGHT).getProcessor().getBufferedImage();
		}
		plot.setIcon(new ImageIcon(image));
	}

	private static void onEventThread(Runnable r) {
		if (SwingUtilities.isEventDispatchThread()) r.run();
		else try {
			SwingUtilities.invokeAndWait(r);
		}
		catch (java.lang.reflect.InvocationTargetException e) {
			throw new IllegalStateException("Could not open the training window", e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while opening the training window", e);
		}
	}
}
