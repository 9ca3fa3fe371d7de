package org.labelefficient.ij1;

import org.labelefficient.bridge.ChildJvmEngine;
import org.labelefficient.bridge.Engine;
import org.labelefficient.bridge.Lines;

/**
 * The engine the ImageJ and Fiji doors use: the installed engine folder in a process of its own
 * ({@link ChildJvmEngine}) when there is one, else this JVM (the engine on ImageJ's class path, as in a development
 * checkout or the tests).
 */
public final class Engines {

	private Engines() {}

	/** The engine for this installation. */
	public static Engine get() {
		var folder = ChildJvmEngine.installedFolder();
		return folder != null ? new ChildJvmEngine(folder) : inProcess();
	}

	/** The engine in this JVM. */
	public static Engine inProcess() {
		return new Engine() {

			@Override
			public int run(String command, String options, boolean window, java.util.function.Consumer<String> out,
				java.util.function.Consumer<String> err) {
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
