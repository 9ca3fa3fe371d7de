package org.labelefficient.ij1;

import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.labelefficient.bridge.ChildJvmEngine;
import org.labelefficient.bridge.Lines;
import org.labelefficient.cli.Main;
import org.labelefficient.io.BadInputException;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.request.Options;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingHooks;
import org.labelefficient.ui.TrainingWindow;

/**
 * The engine's side of {@link org.labelefficient.bridge.Engine}: runs a command-line command with macro options and,
 * for a training run at the screen, a {@link TrainingWindow}. {@link #main} is what {@link ChildJvmEngine} starts;
 * {@link #run} serves ImageJ's own JVM when the engine is on its class path (a development checkout).
 */
public final class EngineMain {

	private EngineMain() {}

	/** {@code command options window}: prints the status line last; a window stays until it is closed. */
	public static void main(String[] args) {
		if (args.length != 3) {
			System.err.println("Error: EngineMain needs three arguments: command, options, window (true/false)");
			System.exit(2);
		}
		TrainingWindow[] window = new TrainingWindow[1];
		int status = run(args[0], args[1], Boolean.parseBoolean(args[2]), System.out, System.err, w -> window[0] = w);
		System.err.flush();
		System.out.println(ChildJvmEngine.STATUS + status);
		System.out.close(); // the caller's run ends here, even while the training window stays open
		System.err.close();
		if (window[0] != null) awaitClosed(window[0]);
		System.exit(status);
	}

	/** Runs {@code command} here; the same exit statuses as the command line. */
	public static int run(String command, String options, boolean window, PrintStream out, PrintStream err) {
		return run(command, options, window, out, err, w -> {});
	}

	private static int run(String command, String options, boolean window, PrintStream out, PrintStream err,
		Consumer<TrainingWindow> opened) {
		TrainingControl control = new TrainingControl();
		TrainingWindow w = window && showsWindow(command) ? TrainingWindow.open(title(command, options), control) : null;
		if (w != null) opened.accept(w);
		String[] last = new String[2]; // the last output line (the run's summary) and the last error line
		PrintStream o = w == null ? out : tee(out, line -> last[0] = line), e = w == null ? err : tee(err,
			line -> last[1] = line);
		int status;
		try {
			status = Main.run(command, Options.fromMacro(command, options), o, e, w == null ? TrainingHooks.none()
				: new TrainingHooks(w, control));
		}
		catch (BadInputException x) {
			e.println("Error: " + x.getMessage());
			status = 2;
		}
		o.flush();
		e.flush();
		if (w != null) w.finished(status == 0 ? String.valueOf(last[0]) : "Stopped: " + last[1]);
		return status;
	}

	/** "Training" and the model folder's name, as the window's title. */
	private static String title(String command, String options) {
		try {
			Options o = Options.fromMacro(command, options);
			String key = o.has(RequestSettings.OUTPUT.key()) ? RequestSettings.OUTPUT.key() : CommandSettings.MODEL.key();
			return "Training " + (o.has(key) ? Path.of(o.string(key)).getFileName() : command);
		}
		catch (RuntimeException e) {
			return "Training (" + command + ")";
		}
	}

	/** {@code out}, whose complete lines also go to {@code line}. */
	private static PrintStream tee(PrintStream out, Consumer<String> line) {
		PrintStream copy = Lines.to(line);
		return new PrintStream(new OutputStream() {

			@Override
			public void write(int b) {
				out.write(b);
				copy.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				out.write(b, off, len);
				copy.write(b, off, len);
			}

			@Override
			public void flush() {
				out.flush();
				copy.flush();
			}
		}, true, StandardCharsets.UTF_8);
	}

	/** Training commands get a window with live curves when there is a screen. */
	static boolean showsWindow(String command) {
		return (command.equals("train") || command.equals("continue") || command.equals("improve"))
			&& !GraphicsEnvironment.isHeadless();
	}

	private static void awaitClosed(TrainingWindow window) {
		CountDownLatch closed = new CountDownLatch(1);
		window.frame().addWindowListener(new WindowAdapter() {

			@Override
			public void windowClosed(WindowEvent e) {
				closed.countDown();
			}
		});
		if (!window.frame().isDisplayable()) return;
		try {
			closed.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
