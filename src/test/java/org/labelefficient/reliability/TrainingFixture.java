package org.labelefficient.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.cli.Main;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

/** A tiny scribble dataset and model settings that train in seconds, for reliability tests. */
final class TrainingFixture {

	final DemoDataset.Layout data;

	TrainingFixture(Path root) throws IOException {
		this.data = new DemoDataset(64, 2).write(root.resolve("data"), 3, 1, 1);
	}

	/** Command-line words of a small {@code pce} training into {@code model}; {@code extra} key=value words win. */
	List<String> trainArgs(Path model, int iterations, String... extra) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String word : List.of("dataset=" + data.dataset(), "method=pce", "output=" + model, "iterations="
			+ iterations, "batch_size=2", "patch_size=32", "seed=5", "validation_interval=20", "base_channels=4",
			"log_interval=1000"))
			put(options, word);
		for (String word : extra)
			put(options, word);
		List<String> args = new ArrayList<>(List.of("train"));
		options.forEach((k, v) -> args.add(k + "=" + v));
		return args;
	}

	private static void put(Map<String, String> options, String word) {
		int eq = word.indexOf('=');
		options.put(word.substring(0, eq), word.substring(eq + 1));
	}

	/** Runs the command line in this JVM; returns the exit status, and the error output in {@code err}. */
	static int run(List<String> args, StringBuilder err) {
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		int status = Main.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
			StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
		err.append(e.toString(StandardCharsets.UTF_8));
		return status;
	}

	/** The test image of the fixture. */
	Volume testImage() {
		return VolumeIO.read(data.testImages().resolve("test00.nii.gz"));
	}

	/** Class probabilities of the test image from a model's {@code latest} or {@code best} SavedModel. */
	float[] probabilities(Path model, String checkpoint) {
		try (ModelPredictor p = ModelPredictor.open(model, new PredictionOptions(checkpoint, true, false, 0.25, false))) {
			Segmentation s = p.segment(testImage(), "test00");
			List<Volume> maps = s.probabilities();
			float[] all = new float[maps.size() * maps.get(0).data().length];
			for (int c = 0; c < maps.size(); c++)
				System.arraycopy(maps.get(c).data(), 0, all, c * maps.get(0).data().length, maps.get(0).data().length);
			return all;
		}
	}
}
