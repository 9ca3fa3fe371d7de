package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.request.Options;
import org.labelefficient.train.TrainingHooks;

/** A sub-command that trains ({@code train}, {@code continue}, {@code improve}): without hooks it runs with none. */
interface TrainingCliCommand extends CliCommand {

	@Override
	default void run(Options options, PrintStream out) throws Exception {
		run(options, out, TrainingHooks.none());
	}

	@Override
	void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception;
}
