package org.labelefficient.ij1;

import java.util.Map;
import java.util.function.Consumer;

import org.labelefficient.bridge.ChildJvmEngine;
import org.labelefficient.bridge.Engine;
import org.labelefficient.bridge.Lines;
import org.labelefficient.bridge.MacroOptions;

/**
 * The engine the ImageJ and Fiji doors use: the installed engine folder in a process of its own
 * ({@link ChildJvmEngine}) when there is one, else this JVM (the engine on ImageJ's class path, as in a development
 * checkout or the tests).
 */
public final class Engines {

	private static final String ERROR = "Error: ";

	private Engines() {}

	/** The engine for this installation. */
	public static Engine get() {
		var folder = ChildJvmEngine.installedFolder();
		return folder != null ? new ChildJvmEngine(folder, EngineMain.class.getName()) : inProcess();
	}

	/**
	 * Whether {@link #get()} runs the engine in a Java process of its own (an installed engine folder), so that
	 * TensorFlow is not on this JVM's class path.
	 */
	public static boolean ownProcess() {
		return ChildJvmEngine.installedFolder() != null;
	}

	/**
	 * Runs {@code command} with macro {@code options} through {@link #get()}, output lines to {@code log}; returns
	 * null when it succeeded, else its error lines (the command line's sentence, without its "Error: ").
	 */
	public static String call(String command, String options, boolean window, Consumer<String> log) {
		StringBuilder errors = new StringBuilder();
		int status;
		try {
			status = get().run(command, options, window, log, line -> errors.append(errors.length() > 0 ? "\n" : "")
				.append(line.startsWith(ERROR) ? line.substring(ERROR.length()) : line));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return command + " was interrupted";
		}
		catch (java.io.UncheckedIOException e) {
			return e.getMessage(); // the engine process could not be started: the sentence names its folder
		}
		return status == 0 ? null : errors.length() > 0 ? errors.toString() : command + " ended with status " + status;
	}

	/** {@link #call(String, String, boolean, Consumer)} with options as key to value. */
	public static String call(String command, Map<String, String> options, boolean window, Consumer<String> log) {
		return call(command, MacroOptions.of(options), window, log);
	}

	/** The engine in this JVM. */
	public static Engine inProcess() {
		return new Engine() {

			@Override
			public int run(String command, String options, boolean window, Consumer<String> out,
				Consumer<String> err) {
				try (var o = Lines.to(out); var e = Lines.to(err)) {
					return EngineMain.run(command, options, window, o, e);
				}
			}

			@Override
			public String describe() {
				return "ImageJ's own JVM";
			}
		};
	}
}
