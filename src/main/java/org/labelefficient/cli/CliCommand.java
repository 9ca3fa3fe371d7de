package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.request.Options;
import org.labelefficient.train.TrainingHooks;

/** One {@code label-efficient} sub-command: reads its options, checks them all, then calls into the core. */
interface CliCommand {

	/** The sub-command name. */
	String name();

	/** One line of usage, listing the keys. */
	String usage();

	/** Runs the command; problems are thrown as exceptions and turned into one error line by {@link Main}. */
	void run(Options options, PrintStream out) throws Exception;

	/** Runs the command with a front end's {@code hooks}; only training commands use them. */
	default void run(Options options, PrintStream out, TrainingHooks hooks) throws Exception {
		run(options, out);
	}
}
