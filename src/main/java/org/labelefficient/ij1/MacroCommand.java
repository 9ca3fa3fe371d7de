package org.labelefficient.ij1;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.labelefficient.cli.Main;
import org.labelefficient.request.Options;
import org.labelefficient.io.BadInputException;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingHooks;
import org.labelefficient.ui.TrainingWindow;

import ij.IJ;
import ij.Macro;
import ij.plugin.frame.Recorder;
import ij.macro.Interpreter;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * The ImageJ 1.x door listed in {@code plugins.config}: runs a command-line command ({@code arg}: train, predict,
 * evaluate, demo, info, export, import) with the options of {@code run("LES Train", "dataset=... method=pce ...")}. Options come from
 * {@link Macro#getOptions()}, so it runs headless; a person at the screen without options gets one dialog. Output
 * and errors go to the Log window (stdout when headless); an error aborts the calling macro, or shows a dialog when
 * no macro is running.
 */
public class MacroCommand implements PlugIn {

	@Override
	public void run(String arg) {
		String options = Macro.getOptions();
		boolean fromMacro = options != null;
		if (options == null) options = askForOptions(arg);
		if (options == null) return;
		PrintStream log = logStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
		TrainingControl control = new TrainingControl();
		TrainingWindow window = showsWindow(arg) ? TrainingWindow.open("Label-Efficient Segmentation: " + arg,
			control) : null;
		int status;
		try {
			status = Main.run(arg, Options.fromMacro(arg, options), log, err, window == null ? TrainingHooks.none()
				: new TrainingHooks(window, control));
		}
		catch (BadInputException e) {
			err.println("Error: " + e.getMessage());
			status = 2;
		}
		log.close();
		String error = errors.toString(StandardCharsets.UTF_8).trim();
		if (window != null) window.finished(status == 0 ? "Finished: the Log window names the model folder"
			: "Stopped: " + error);
		if (status == 0) return;
		IJ.log(error);
		if (fromMacro) Interpreter.abort(); // the calling macro stops after this command
		else if (!GraphicsEnvironment.isHeadless()) IJ.error("Label-Efficient Segmentation", error);
	}

	/** The dialog shown when the command is started from the menu without options. */
	private static String askForOptions(String command) {
		if (GraphicsEnvironment.isHeadless()) {
			IJ.log("Error: LES " + command + " needs options when headless: " + Main.usage(command));
			return null;
		}
		GenericDialog gd = new GenericDialog("Label-Efficient Segmentation: " + command);
		gd.addMessage("Options (key=value, values with spaces in [brackets]):\n" + Main.usage(command));
		gd.addStringField("options", "", 80);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		String options = gd.getNextString();
		record(options);
		return options;
	}

	/** Records {@code run("LES ...", "<options>")} rather than the dialog's single field, so the macro replays it. */
	private static void record(String options) {
		String name = Recorder.getCommand();
		if (!Recorder.record || name == null) return;
		Recorder.disableCommandRecording();
		Recorder.recordString(recordedCall(name, options));
	}

	/** The macro line that runs menu command {@code name} with {@code options}. */
	static String recordedCall(String name, String options) {
		return "run(\"" + name + "\", \"" + options.trim().replace("\\", "\\\\").replace("\"", "\\\"") + "\");\n";
	}

	/** A training run gets a window with live curves when ImageJ's window is on the screen (not in batch mode). */
	private static boolean showsWindow(String command) {
		return (command.equals("train") || command.equals("continue") || command.equals("improve")) && !GraphicsEnvironment.isHeadless() && IJ
			.getInstance() != null;
	}

	/** A stream whose complete lines go to {@link IJ#log}; {@code close()} logs what is left. */
	private static PrintStream logStream() {
		return new PrintStream(new OutputStream() {

			private final ByteArrayOutputStream line = new ByteArrayOutputStream();

			@Override
			public void write(int b) {
				if (b != '\n') line.write(b);
				else logLine();
			}

			@Override
			public void close() {
				if (line.size() > 0) logLine();
			}

			private void logLine() {
				IJ.log(line.toString(StandardCharsets.UTF_8));
				line.reset();
			}
		}, true, StandardCharsets.UTF_8);
	}
}
