package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.request.Failure;
import org.labelefficient.request.Options;
import org.labelefficient.io.BadInputException;
import org.labelefficient.train.TrainingHooks;

/**
 * The headless command line: {@code label-efficient <command> key=value ...}, with the same snake_case keys as the
 * ImageJ macro options. Exit status 0 on success, 2 for bad input (one line naming the file or option and the
 * problem), 3 when training fails, 1 for anything else.
 */
public final class Main {

	private static final Map<String, CliCommand> COMMANDS = new LinkedHashMap<>();

	static {
		for (CliCommand c : List.of(new TrainCommand(), new ContinueCommand(), new ImproveCommand(), new PredictCommand(),
			new EvaluateCommand(), new DemoCommand(), new InfoCommand(), new ExportCommand(), new ImportCommand()))
			COMMANDS.put(c.name(), c);
	}

	private Main() {}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one command and returns its exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
			usage(out);
			return args.length == 0 ? 2 : 0;
		}
		try {
			return run(args[0], new Options(args[0], Arrays.asList(args).subList(1, args.length)), out, err);
		}
		catch (BadInputException e) {
			err.println("Error: " + e.getMessage());
			return 2;
		}
	}

	/** Runs command {@code name} with parsed options; the same exit statuses as {@link #run(String[], PrintStream, PrintStream)}. */
	public static int run(String name, Options options, PrintStream out, PrintStream err) {
		return run(name, options, out, err, TrainingHooks.none());
	}

	/** {@link #run(String, Options, PrintStream, PrintStream)} with a front end's hooks into training runs. */
	public static int run(String name, Options options, PrintStream out, PrintStream err, TrainingHooks hooks) {
		CliCommand command = COMMANDS.get(name);
		if (command == null) {
			err.println("Error: unknown command '" + name + "'; commands: " + String.join(", ", COMMANDS.keySet()));
			return 2;
		}
		try {
			command.run(options, out, hooks);
			return 0;
		}
		catch (Exception e) {
			Failure failure = Failure.of(e);
			err.println(failure.line());
			return switch (failure.kind()) {
				case BAD_INPUT -> 2;
				case TRAINING_FAILED -> 3;
				case OTHER -> 1;
			};
		}
	}

	/** The usage line of command {@code name}, or null when there is no such command. */
	public static String usage(String name) {
		CliCommand c = COMMANDS.get(name);
		return c == null ? null : c.usage();
	}

	private static void usage(PrintStream out) {
		out.println("Usage: label-efficient <command> key=value ...");
		for (CliCommand c : COMMANDS.values())
			out.println("  " + c.usage());
		Help.training(out);
	}
}
