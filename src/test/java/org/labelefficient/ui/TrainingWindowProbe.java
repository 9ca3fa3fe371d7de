package org.labelefficient.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.labelefficient.command.TrainFromScribblesCommand;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.ui.UIService;

/**
 * Run under Xvfb by {@link TrainingWindowTest}: starts Train from Scribbles as a person would (a display, so the
 * training window opens), waits for live curves with a validation, saves a screenshot, presses Finish now, and prints
 * what the window and the command report. Arguments: dataset folder, model folder, screenshot file.
 */
public final class TrainingWindowProbe {

	public static void main(String[] args) {
		try {
			probe(args);
		}
		catch (Throwable t) {
			t.printStackTrace(System.out);
			System.exit(1);
		}
		System.exit(0);
	}

	private static void probe(String[] args) throws Exception {
		Path dataset = Path.of(args[0]), model = Path.of(args[1]);
		File screenshot = new File(args[2]);
		try (Context context = new Context(CommandService.class, LogService.class, StatusService.class,
			UIService.class)) {
			System.out.println("HEADLESS=" + context.service(UIService.class).isHeadless());
			Map<String, Object> p = new HashMap<>(Map.of("dataset", dataset.toFile(), "method", "pce", "output", model
				.toFile(), "iterations", 5000, "batch_size", 2, "patch_size", 32, "seed", 1, "unlabelled_value", 255));
			p.put("validation_interval", 10);
			// through the ModuleService, as the menu does: a dynamic command's module is not a CommandModule
			Future<Module> run = context.service(ModuleService.class).run(context.service(CommandService.class)
				.getCommand(TrainFromScribblesCommand.class), true, p);
			JFrame frame = waitForWindow();
			JLabel status = label(frame, "Iteration");
			long deadline = System.currentTimeMillis() + 120_000;
			while (!status.getText().contains("best Dice") && System.currentTimeMillis() < deadline) Thread.sleep(100);
			Thread.sleep(2 * TrainingWindow.REDRAW_MILLIS);
			SwingUtilities.invokeAndWait(() -> ImageIOWrite.png(frame, screenshot));
			System.out.println("BEFORE=" + status.getText());
			SwingUtilities.invokeAndWait(() -> button(frame, "Finish now").doClick());
			Module m = run.get();
			System.out.println("CANCELED=" + ((Cancelable) m).isCanceled());
			Thread.sleep(500);
			SwingUtilities.invokeAndWait(() -> System.out.println("AFTER=" + status.getText() + "\nBUTTON_ENABLED="
				+ button(frame, "Finish now").isEnabled()));
			SwingUtilities.invokeAndWait(frame::dispose);
		}
	}

	private static JFrame waitForWindow() throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			for (Frame f : Frame.getFrames())
				if (f instanceof JFrame j && f.isVisible() && String.valueOf(f.getTitle()).startsWith("Training"))
					return j;
			Thread.sleep(100);
		}
		throw new AssertionError("no training window opened");
	}

	private static JLabel label(Container c, String prefix) throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			for (Component x : all(c))
				if (x instanceof JLabel l && l.getText() != null && l.getText().startsWith(prefix)) return l;
			Thread.sleep(100);
		}
		throw new AssertionError("no label starting with " + prefix);
	}

	private static AbstractButton button(Container c, String text) {
		return all(c).stream().filter(x -> x instanceof AbstractButton b && text.equals(b.getText())).map(
			x -> (AbstractButton) x).findFirst().orElseThrow();
	}

	private static List<Component> all(Container c) {
		List<Component> out = new ArrayList<>();
		for (Component x : c.getComponents()) {
			out.add(x);
			if (x instanceof Container k) out.addAll(all(k));
		}
		return out;
	}

	/** Paints a frame into a PNG file. */
	private static final class ImageIOWrite {

		static void png(JFrame frame, File file) {
			BufferedImage image = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
			frame.getContentPane().paint(image.getGraphics());
			try {
				ImageIO.write(image, "png", file);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}
}
