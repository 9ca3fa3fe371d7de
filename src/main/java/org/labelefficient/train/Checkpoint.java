package org.labelefficient.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelefficient.model.AtomicFiles;
import org.tensorflow.Session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The complete state of a training run in folder {@code checkpoint/}: every graph variable (weights, teacher,
 * optimiser moments, batch-norm statistics) as a TensorFlow checkpoint, and {@code state.json} with the number of
 * finished iterations, the best validation score and the history. Random draws depend only on the seed and the
 * iteration, so this is all a resumed run needs to continue exactly. Written atomically.
 */
final class Checkpoint {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
		.create();
	private static final String PREFIX = "variables";

	/** What {@code state.json} holds. */
	static final class State {
		int iterationsDone;
		double bestDice = -1;
		int bestIteration = -1;
		double secondsTrained;
		List<HistoryEntry> history = new ArrayList<>();
	}

	private Checkpoint() {}

	static void save(Session session, State state, Path dir) throws IOException {
		Path parent = dir.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
		session.save(tmp.resolve(PREFIX).toString());
		Files.writeString(tmp.resolve("state.json"), GSON.toJson(state));
		AtomicFiles.replaceDirectory(tmp, dir);
	}

	static boolean exists(Path dir) throws IOException {
		AtomicFiles.recoverDirectory(dir);
		return Files.isRegularFile(dir.resolve("state.json"));
	}

	static State restore(Session session, Path dir) throws IOException {
		session.restore(dir.resolve(PREFIX).toString());
		return GSON.fromJson(Files.readString(dir.resolve("state.json")), State.class);
	}
}
