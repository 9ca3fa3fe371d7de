package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.request.Options;
import org.labelefficient.model.ModelInfo;

/** {@code info}: describes a model folder (classes, network, method and settings, training history). */
final class InfoCommand implements CliCommand {

	@Override
	public String name() {
		return "info";
	}

	@Override
	public String usage() {
		return "info model=<model folder>";
	}

	@Override
	public void run(Options options, PrintStream out) {
		var dir = options.path("model");
		options.checkAllUsed();
		out.print(ModelInfo.read(dir).describe(dir));
	}
}
