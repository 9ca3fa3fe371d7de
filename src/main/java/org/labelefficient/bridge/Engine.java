package org.labelefficient.bridge;

import java.util.function.Consumer;

/**
 * The boundary between the ImageJ/Fiji doors and the engine (TensorFlow Java and everything that touches it), in
 * plain strings so that it can cross a process: a command-line command by name ({@code train}, {@code predict}, ...)
 * with its options in macro syntax ({@code key=value}, values with spaces in [brackets]), its output and error lines,
 * and the exit status of the command line (0 done, 1 failed, 2 bad input, 3 training failed). A new command of the
 * command line reaches ImageJ through {@link #run} without any change here.
 */
public interface Engine {

	/**
	 * Runs {@code command} with {@code options}; {@code out} gets each line of output, {@code err} each error line.
	 * {@code window}: a training run shows its window with live curves and Finish now / Cancel buttons. Interrupting
	 * the calling thread stops the run as Ctrl-C does (a training run saves its latest model first).
	 */
	int run(String command, String options, boolean window, Consumer<String> out, Consumer<String> err)
		throws InterruptedException;

	/** In words, for the log: where the engine runs. */
	String describe();
}
