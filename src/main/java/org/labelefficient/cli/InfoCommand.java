package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.List;

import org.labelefficient.request.CommandSettings;
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
		return Help.usage(name(), List.of(CommandSettings.MODEL));
	}

	@Override
	public void run(Options options, PrintStream out) {
		var dir = options.values(List.of(CommandSettings.MODEL)).get(CommandSettings.MODEL);
		options.checkAllUsed();
		out.print(ModelInfo.read(dir).describe(dir));
	}
}
