package org.labelefficient.bioimage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.labelefficient.infer.SavedModelNetwork;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Volume;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.ModelInfo;

/**
 * Turns a bioimage.io model package (a zip or a folder holding {@code rdf.yaml}) into a model folder that
 * {@code predict} uses: the {@code tensorflow_saved_model_bundle} weights become the folder's {@code best}
 * SavedModel and {@code model.json} is the package's own (a package this plugin exported) or is made from the rdf
 * (classes from the output's channel names, normalisation from the preprocessing, size divisor from the input's size
 * step, tile size from the test input's size: the size its authors ran it at). {@link RdfCheck} refuses, in one sentence naming {@code rdf.yaml} and the field, what {@code predict} cannot
 * honour. Before the folder is written, the package's test input is predicted the way {@code predict} does and must
 * give the package's test output within the specification's default tolerance.
 */
public final class PackageImport {

	/** The specification's default reproducibility tolerance (ReproducibilityTolerance, format 0.5). */
	static final double RELATIVE_TOLERANCE = 1e-3, ABSOLUTE_TOLERANCE = 1e-3;

	private PackageImport() {}

	/** Imports {@code pack} (zip or folder) into model folder {@code output}. */
	public static void importPackage(Path pack, Path output, Consumer<String> log) throws IOException {
		if (!Files.exists(pack)) throw new BadInputException(pack, "not found");
		if (Files.exists(output) && !isEmptyFolder(output)) throw new BadInputException(output,
			"already exists: import writes a new model folder, choose another output");
		Path work = Files.createTempDirectory("les-import-");
		Path fresh = output.toAbsolutePath().resolveSibling("." + output.getFileName() + "-import");
		try {
			Path root = Files.isDirectory(pack) ? pack : unzip(pack, work.resolve("package"));
			RdfCheck rdf = RdfCheck.read(root);
			AtomicFiles.deleteRecursively(fresh);
			Path weights = rdf.file(rdf.weightsSource(), "weights.tensorflow_saved_model_bundle.source");
			unzip(weights, ModelFolder.best(fresh));
			if (!Files.isRegularFile(ModelFolder.best(fresh).resolve("saved_model.pb"))) throw new BadInputException(
				weights, "has no saved_model.pb at its root (weights.tensorflow_saved_model_bundle.source in rdf.yaml)");
			ModelInfo info = modelInfo(rdf, root, pack);
			info.write(fresh);
			ModelInfo.read(fresh); // the folder must read back as predict reads it
			double difference = reproduce(rdf, info, ModelFolder.best(fresh));
			log.accept(String.format(java.util.Locale.ROOT, "The package's test input gives its test output (largest "
				+ "difference %.2g)", difference));
			Files.createDirectories(output.toAbsolutePath().getParent());
			AtomicFiles.replaceDirectory(fresh, output.toAbsolutePath());
			log.accept("Imported " + rdf.name() + " into the model folder " + output);
		}
		finally {
			AtomicFiles.deleteRecursively(work);
			AtomicFiles.deleteRecursively(fresh); // left only when the import failed
		}
	}

	private static boolean isEmptyFolder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return false;
		try (java.util.stream.Stream<Path> files = Files.list(folder)) {
			return files.findAny().isEmpty();
		}
	}

	/** The package's own model.json (our exports), or one made from the rdf. */
	private static ModelInfo modelInfo(RdfCheck rdf, Path root, Path pack) throws IOException {
		Path own = root.resolve(ModelInfo.FILE);
		if (rdf.attaches(ModelInfo.FILE) && Files.isRegularFile(own)) {
			ModelInfo info = ModelInfo.read(root);
			if (info.numClasses != rdf.classNames().size() || !info.normalization.equals(rdf.normalization().key()))
				throw new BadInputException(own, "does not match rdf.yaml (outputs[0].axes channel names or "
					+ "inputs[0].preprocessing differ)");
			return info;
		}
		ModelInfo info = new ModelInfo();
		info.method = "bioimage.io";
		info.methodSettings = new LinkedHashMap<>(Map.of("package", pack.toAbsolutePath().toString(), "name", rdf
			.name()));
		info.numClasses = rdf.classNames().size();
		info.classNames = rdf.classNames();
		int levels = Math.max(2, Integer.numberOfTrailingZeros(rdf.sizeStep()) + 1); // the size divisor 2^(levels-1)
		info.channels = new int[levels];
		Arrays.fill(info.channels, 1); // not the architecture: only the level count (size divisor) is used to predict
		info.dropout = new double[levels];
		info.normalization = rdf.normalization().key();
		long[] test = rdf.array(rdf.testInput(), "inputs[0].test_tensor").shape(); // (1, y, x, 1), checked later
		int tile = test.length == 4 ? (int) Math.max(test[1], test[2]) : 256; // the size its authors ran it at
		info.patchSize = PackageExport.roundUp(tile, 1 << (levels - 1));
		return info;
	}

	/** Predicts the test input as predict does and returns the largest difference to the test output. */
	private static double reproduce(RdfCheck rdf, ModelInfo info, Path saved) {
		Npy.Array in = rdf.array(rdf.testInput(), "inputs[0].test_tensor");
		Npy.Array out = rdf.array(rdf.testOutput(), "outputs[0].test_tensor");
		long[] s = in.shape();
		if (s.length != 4 || s[0] != 1 || s[3] != 1) throw new BadInputException(rdf.rdfFile(), "field inputs[0]"
			+ ".test_tensor has shape " + PackageExport.shape(s) + ", expected (1, y, x, 1)");
		int h = (int) s[1], w = (int) s[2], k = info.numClasses;
		if (!Arrays.equals(out.shape(), new long[] { 1, h, w, k })) throw new BadInputException(rdf.rdfFile(),
			"field outputs[0].test_tensor has shape " + PackageExport.shape(out.shape()) + ", expected (1, " + h + ", "
				+ w + ", " + k + ")");
		int divisor = info.network().sizeDivisor();
		if (h % divisor != 0 || w % divisor != 0) throw new BadInputException(rdf.rdfFile(), "field inputs[0]"
			+ ".test_tensor is " + w + "x" + h + ", not a multiple of the size step " + divisor);
		float[] predicted;
		try (SavedModelNetwork network = new SavedModelNetwork(saved, k, divisor)) {
			Volume normalised = Normalization.parse(info.normalization).apply(new Volume(in.data(), w, h, 1),
				"test input");
			predicted = network.predict(normalised.data(), 1, h, w);
		}
		double largest = 0;
		for (int i = 0; i < predicted.length; i++) {
			double d = Math.abs(predicted[i] - out.data()[i]);
			largest = Math.max(largest, d);
			if (!(d <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(out.data()[i]))) throw new BadInputException(
				rdf.rdfFile(), "field outputs[0].test_tensor is not reproduced by the weights with this plugin's "
					+ "preprocessing (difference " + d + " at element " + i + ")");
		}
		return largest;
	}

	/** Extracts a zip into {@code target}, refusing entries that would land outside it. */
	static Path unzip(Path zip, Path target) throws IOException {
		Files.createDirectories(target);
		try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
			boolean any = false;
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				any = true;
				Path to = target.resolve(e.getName()).normalize();
				if (!to.startsWith(target)) throw new BadInputException(zip, "holds an entry outside the archive ("
					+ e.getName() + ")");
				if (e.isDirectory()) Files.createDirectories(to);
				else {
					Files.createDirectories(to.getParent());
					Files.copy(in, to);
				}
			}
			if (!any) throw new BadInputException(zip, "is not a zip archive (or is empty)");
		}
		catch (java.util.zip.ZipException e) {
			throw new BadInputException(zip, "is not a readable zip archive (" + e.getMessage() + ")", e);
		}
		return target;
	}
}
