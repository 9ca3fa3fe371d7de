package org.labelefficient.spark;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.labelefficient.cli.Main;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.AtomicFiles;

/**
 * Generated cardiac-like data (the main project's demo generator) and a tiny model trained on it in seconds, shared by
 * the Spark tests of one JVM; and helpers that run both command lines in this JVM.
 */
final class SparkFixture {

	private static SparkFixture shared;

	final Path root;
	final DemoDataset.Layout data;
	final Path model;

	private SparkFixture(Path root) throws IOException {
		this.root = root;
		this.data = new DemoDataset(64, 3).write(root.resolve("data"), 3, 1, 8);
		this.model = root.resolve("model");
		Result r = main(List.of("train", "dataset=" + data.dataset(), "method=pce", "output=" + model,
			"iterations=30", "batch_size=2", "patch_size=32", "seed=5", "validation_interval=15", "base_channels=4",
			"log_interval=1000"));
		assertEquals(r.err(), 0, r.status());
	}

	/** The fixture of this JVM, made on first use and deleted when the JVM exits. */
	static synchronized SparkFixture get() throws IOException {
		if (shared == null) {
			Path root = Files.createTempDirectory("spark-fixture");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					AtomicFiles.deleteRecursively(root);
				}
				catch (IOException e) {
					// a temporary folder
				}
			}));
			shared = new SparkFixture(root);
		}
		return shared;
	}

	/** The exit status and output of one command. */
	record Result(int status, String out, String err) {}

	/** Runs the single-machine command line. */
	static Result main(List<String> args) {
		return capture((out, err) -> Main.run(args.toArray(String[]::new), out, err));
	}

	/** Runs {@code label-efficient-spark}. */
	static Result spark(List<String> args) {
		return capture((out, err) -> SparkMain.run(args.toArray(String[]::new), out, err));
	}

	private interface Command {
		int run(PrintStream out, PrintStream err);
	}

	private static Result capture(Command c) {
		ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		int status = c.run(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true,
			StandardCharsets.UTF_8));
		return new Result(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
	}

	/** The names of the visible files of a folder, sorted. */
	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
		}
	}

	/** Asserts that two folders hold the same visible files with the same bytes. */
	static void assertSameFiles(Path expected, Path actual) throws IOException {
		assertEquals(names(expected), names(actual));
		List<String> differ = new ArrayList<>();
		for (String n : names(expected))
			if (Files.mismatch(expected.resolve(n), actual.resolve(n)) != -1) differ.add(n);
		assertEquals("files that differ", List.of(), differ);
	}
}
