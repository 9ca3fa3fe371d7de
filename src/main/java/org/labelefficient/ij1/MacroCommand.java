package org.labelefficient.ij1;

import java.awt.GraphicsEnvironment;

import org.labelefficient.cli.Main;

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
		String error = runEngine(arg, options);
		if (error == null) return;
		IJ.log(error);
		if (fromMacro) Interpreter.abort(); // the calling macro stops after this command
		else if (!GraphicsEnvironment.isHeadless()) IJ.error("Label-Efficient Segmentation", error);
	}

	/** Runs command-line {@code command} with macro {@code options}; null when it succeeded, else the error. */
	static String runEngine(String command, String options) {
		String error = Engines.call(command, options, IJ.getInstance() != null && !GraphicsEnvironment.isHeadless(),
			IJ::log);
		return error == null ? null : "Error: " + error;
	}

	/** The dialog shown when the command is started from the menu without options. */
	private static String askForOptions(String command) {
		if (GraphicsEnvironment.isHeadless()) {
			IJ.log("Error: LES " + command + " needs options when headless: " + usage(command));
			return null;
		}
		GenericDialog gd = new GenericDialog("Label-Efficient Segmentation: " + command);
		gd.addMessage("Options (key=value, values with spaces in [brackets]):\n" + usage(command));
		gd.addStringField("options", "", 80);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		String options = gd.getNextString();
		record(options);
		return options;
	}

	/**
	 * The command's usage line; the engine's classes need not load in ImageJ's JVM (they live in the engine folder),
	 * so where they do not, the pointer to the documentation.
	 */
	private static String usage(String command) {
		try {
			return Main.usage(command);
		}
		catch (LinkageError e) {
			return command + " key=value ... (docs/options.md lists the keys)";
		}
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
}
