package org.labelefficient.bioimage;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.labelefficient.cli.Main;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.AtomicFiles;

/**
 * A tiny scribble-trained model (4 base channels, 40 iterations on 64x64 synthetic slices) made in a few seconds,
 * once per test JVM and shared by the tests of this package (they only read it), with its package exported once.
 */
public final class TinyModel {

	private static TinyModel shared;
	private static Path sharedPackage;

	/** The shared model, trained on first use in a temporary folder deleted when the JVM ends. */
	public static synchronized TinyModel shared() throws IOException {
		if (shared == null) {
			Path root = Files.createTempDirectory("les-tiny-model-");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					AtomicFiles.deleteRecursively(root);
				}
				catch (IOException e) {
					// a temporary folder left behind
				}
			}));
			shared = new TinyModel(root);
		}
		return shared;
	}

	/** The shared model exported with the defaults (synthetic test input of the patch size, 32x32). */
	public static synchronized Path sharedPackage() throws IOException {
		if (sharedPackage == null) {
			Path pack = shared().model.resolveSibling("tiny.zip");
			assertEquals(0, cli("export", "model=" + shared().model, "output=" + pack));
			sharedPackage = pack;
		}
		return sharedPackage;
	}

	public final DemoDataset.Layout data;
	public final Path model;

	TinyModel(Path root) throws IOException {
		this.data = new DemoDataset(64, 2).write(root.resolve("data"), 3, 1, 1);
		this.model = root.resolve("model");
		assertEquals(0, cli("train", "dataset=" + data.dataset(), "method=pce", "output=" + model, "iterations=40",
			"batch_size=2", "patch_size=32", "seed=5", "validation_interval=20", "base_channels=4",
			"log_interval=1000"));
	}

	/** The test image of the synthetic data (64x64x2). */
	public Path testImage() {
		return data.testImages().resolve("test00.nii.gz");
	}

	/** Runs the command line in this JVM and returns its status; errors go to {@code System.err}. */
	public static int cli(String... args) {
		return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
	}

	/** Runs the command line and returns its error output. */
	public static String cliError(String... args) {
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(e,
			true, StandardCharsets.UTF_8));
		return e.toString(StandardCharsets.UTF_8).trim();
	}
}
