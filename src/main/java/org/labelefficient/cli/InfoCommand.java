package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.model.ModelInfo;
import org.labelefficient.train.HistoryEntry;

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
		ModelInfo info = ModelInfo.read(dir);
		out.println("Model " + dir);
		out.println("  method " + info.method + " " + info.methodSettings);
		out.println("  classes " + info.numClasses + " " + info.classNames);
		out.println("  network " + info.network());
		out.println("  normalization " + info.normalization + ", patch size " + info.patchSize);
		out.println("  training " + info.training);
		out.printf("  %d iterations in %.0f s; best validation Dice %.4f at iteration %d%n", info.iterationsDone,
			info.secondsTrained, info.bestValidationDice, info.bestIteration);
		for (HistoryEntry h : info.history)
			out.printf("    iteration %6d  loss %.4f  validation Dice %.4f%n", h.iteration(), h.loss(), h
				.validationDice());
	}
}
