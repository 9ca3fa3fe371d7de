package org.labelefficient.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.ij1.CurrentImage;
import org.labelefficient.ij1.Engines;
import org.labelefficient.request.CommandSettings;

/**
 * Segments through the engine boundary ({@link Engines#call}), as the Fiji commands do in an installed Fiji where
 * TensorFlow lives in the engine's own Java process: each image crosses as a temporary TIFF file and each call starts
 * that process (and loads the network) anew. A package is imported once into a temporary model folder by the
 * engine's {@code import}; the classes come from its {@code info}. Nothing here touches TensorFlow.
 */
final class EngineBackend implements Backend {

	private static final String CLASSES = "classes ";

	private final Map<String, String> options = new LinkedHashMap<>();
	private final Path imported;
	private final int numClasses;
	private final List<String> classNames;

	private EngineBackend(Path model, PredictionOptions o, Path imported) {
		this.imported = imported;
		options.put(CommandSettings.MODEL.key(), model.toString());
		options.put(PredictionOptions.CHECKPOINT.key(), o.checkpoint());
		options.put(PredictionOptions.LARGEST_COMPONENT.key(), Boolean.toString(o.largestComponent()));
		options.put(PredictionOptions.TILE_OVERLAP.key(), Double.toString(o.tileOverlap()));
		options.put(PredictionOptions.MIRROR.key(), Boolean.toString(o.mirror()));
		List<String> lines = new ArrayList<>();
		call("info", Map.of(CommandSettings.MODEL.key(), model.toString()), lines);
		String line = lines.stream().map(String::trim).filter(l -> l.startsWith(CLASSES)).findFirst().orElseThrow(
			() -> new BadInputException(model, "the engine's info printed no classes"));
		String rest = line.substring(CLASSES.length());
		int space = rest.indexOf(' ');
		numClasses = Integer.parseInt(space < 0 ? rest : rest.substring(0, space));
		String names = space < 0 ? "[]" : rest.substring(space + 1).trim();
		names = names.substring(1, names.length() - 1);
		classNames = names.isEmpty() ? List.of() : List.copyOf(Arrays.asList(names.split(", ")));
	}

	/** The model folder {@code model}, or the package {@code pack} imported by the engine into a temporary folder. */
	static Backend open(Path model, Path pack, PredictionOptions options) throws IOException {
		if (pack == null) return new EngineBackend(model, options, null);
		Path temp = Files.createTempDirectory("les-model-");
		try {
			Path folder = temp.resolve("model");
			call("import", Map.of(ExportSettings.PACKAGE.key(), pack.toString(), ExportSettings.IMPORT_OUTPUT.key(),
				folder.toString()), new ArrayList<>());
			return new EngineBackend(folder, options, temp);
		}
		catch (RuntimeException e) {
			AtomicFiles.deleteRecursively(temp);
			throw e;
		}
	}

	private static void call(String command, Map<String, String> options, List<String> lines) {
		String error = Engines.call(command, options, false, lines::add);
		if (error != null) throw new BadInputException(error);
	}

	@Override
	public int numClasses() {
		return numClasses;
	}

	@Override
	public List<String> classNames() {
		return classNames;
	}

	@Override
	public Prediction predict(Volume image, boolean probabilities) {
		CurrentImage.Maps m = CurrentImage.predict(image, options, probabilities, line -> {});
		return new Prediction(m.labels(), m.probabilities(), m.uncertainty());
	}

	@Override
	public String describe() {
		return Engines.get().describe();
	}

	@Override
	public void close() throws IOException {
		if (imported != null) AtomicFiles.deleteRecursively(imported);
	}
}
