package org.labelefficient.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.AtomicFiles;
import org.labelefficient.model.NetworkExporter;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

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

	/**
	 * Writes into {@code sets} the values that the checkpoint in {@code dir} holds under their graph variable names
	 * ({@code prefix_name}); the other variables of the session keep their values. A variable the checkpoint lacks is
	 * a {@link BadInputException} naming the folder.
	 */
	static void load(Session session, Path dir, List<ParameterSet> sets) throws IOException {
		if (!exists(dir)) throw new BadInputException(dir, "holds no training checkpoint to start from");
		List<String> names = new ArrayList<>();
		for (ParameterSet set : sets)
			for (ParameterSet.Parameter p : set.parameters())
				names.add(set.prefix() + "_" + p.name());
		List<float[]> values = read(dir.resolve(PREFIX), dir, names);
		int i = 0;
		for (ParameterSet set : sets) {
			Map<String, float[]> byName = new LinkedHashMap<>();
			for (ParameterSet.Parameter p : set.parameters())
				byName.put(p.name(), values.get(i++));
			set.write(session, byName);
		}
	}

	/**
	 * Writes the network weights of the SavedModel in {@code savedModel} (a model folder's {@code best/}) into each of
	 * {@code networks}, U-Nets of the network it holds: a warm start. A weight the SavedModel lacks is a
	 * {@link BadInputException} naming the folder.
	 */
	static void loadNetwork(Session session, Path savedModel, List<ParameterSet> networks) {
		if (networks.isEmpty()) return;
		List<ParameterSet.Parameter> parameters = networks.get(0).parameters();
		List<float[]> values = read(savedModel.resolve("variables").resolve("variables"), savedModel, parameters
			.stream().map(p -> NetworkExporter.PARAMETERS + "_" + p.name()).toList());
		Map<String, float[]> byName = new LinkedHashMap<>();
		for (int i = 0; i < parameters.size(); i++)
			byName.put(parameters.get(i).name(), values.get(i));
		for (ParameterSet net : networks)
			net.write(session, byName);
	}

	private static Operand<TString> strings(Ops tf, List<String> values) {
		return tf.constant(StandardCharsets.UTF_8, values.toArray(String[]::new));
	}

	/** The values of the named variables in the checkpoint with path prefix {@code prefix} (in folder {@code dir}). */
	private static List<float[]> read(Path prefix, Path dir, List<String> names) {
		try (Graph g = new Graph(); Session s = new Session(g)) {
			Ops tf = Ops.create(g);
			List<Class<? extends TType>> types = new ArrayList<>();
			names.forEach(n -> types.add(TFloat32.class));
			Restore restore = tf.train.restore(tf.constant(prefix.toString()), strings(tf, names), strings(tf,
				names.stream().map(n -> "").toList()), types);
			Session.Runner runner = s.runner();
			restore.tensors().forEach(runner::fetch);
			try (Result r = runner.run()) {
				List<float[]> out = new ArrayList<>();
				for (int i = 0; i < names.size(); i++)
					out.add(Tensors.read(r.get(i)));
				return out;
			}
		}
		catch (TensorFlowException e) {
			throw new BadInputException(dir, "does not hold the variables this run starts from (" + e.getMessage()
				.lines().findFirst().orElse("") + ")", e);
		}
	}
}
