package org.labelefficient.bioimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.labelefficient.infer.SavedModelNetwork;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.ModelInfo;

/**
 * Writes a model folder as a bioimage.io model package (format 0.5, see {@link Rdf}): one zip holding
 * {@code rdf.yaml}, the {@code best} SavedModel zipped as {@code tensorflow_saved_model_bundle} weights, a test
 * input and the output the weights give for it ({@code .npy}), a cover image, a documentation page and the model's
 * own {@code model.json} (so that {@link PackageImport} restores the folder exactly). Every part is checked before
 * anything is written; the package is written atomically.
 */
public final class PackageExport {

	/** File names inside the package. */
	static final String RDF = "rdf.yaml", WEIGHTS = "weights-tf-saved-model.zip", TEST_INPUT = "test_input.npy",
		TEST_OUTPUT = "test_output.npy", COVER = "cover.png", DOCUMENTATION = "README.md", SAVED_MODEL = "saved_model.pb";

	/** The characters and length bioimage.io allows in a model's name (generic/v0_3.py, name). */
	private static final String NAME = "[A-Za-z0-9_+\\- ()]{5,128}";

	/** What the package says about itself beyond the model folder. */
	public record Metadata(String name, String authors, String license) {}

	private PackageExport() {}

	/**
	 * Exports {@code model} to {@code output}.
	 *
	 * @param testImage an image whose middle slice becomes the test input, or null for a synthetic one
	 * @throws BadInputException naming the file and the field when a part of the model folder is missing
	 */
	public static void export(Path model, Path output, Path testImage, Metadata metadata, Consumer<String> log)
		throws IOException {
		ModelInfo info = checkedInfo(model);
		Path saved = ModelFolder.best(model);
		for (Path part : new Path[] { saved.resolve(SAVED_MODEL), saved.resolve("variables") })
			if (!Files.exists(part)) throw new BadInputException(part, "missing: the package's weights "
				+ "(weights.tensorflow_saved_model_bundle in rdf.yaml) are made from the model's best SavedModel");
		if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) throw new BadInputException(
			output, "the package must be a .zip file");
		if (!metadata.license().matches("[A-Za-z0-9.+-]+")) throw new BadInputException("license must be an SPDX "
			+ "identifier such as CC-BY-4.0 or MIT, got '" + metadata.license() + "'");
		String name = metadata.name().isBlank() ? defaultName(model) : metadata.name().trim();
		if (!name.matches(NAME)) throw new BadInputException("name may only hold letters, digits, spaces and _ + - ( ) "
			+ "and have 5 to 128 characters (bioimage.io's rule for a model's name), got '" + name + "'");
		int divisor = info.network().sizeDivisor();
		Volume input = testImage == null ? synthetic(roundUp(Math.max(info.patchSize, divisor), divisor))
			: testSlice(VolumeIO.read(testImage), divisor, testImage);
		log.accept("Predicting the test input (" + input.width() + "x" + input.height() + ")");
		float[] probabilities;
		try (SavedModelNetwork network = new SavedModelNetwork(saved, info.numClasses, divisor)) {
			Volume normalised = Normalization.parse(info.normalization).apply(input, "test input");
			probabilities = network.predict(normalised.data(), 1, input.height(), input.width());
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(WEIGHTS, zipFolder(saved));
		files.put(TEST_INPUT, Npy.float32(new long[] { 1, input.height(), input.width(), 1 }, input.data()));
		files.put(TEST_OUTPUT, Npy.float32(new long[] { 1, input.height(), input.width(), info.numClasses },
			probabilities));
		files.put(COVER, Cover.png(input, probabilities, info.numClasses));
		files.put(ModelInfo.FILE, Files.readAllBytes(model.resolve(ModelInfo.FILE)));
		Rdf rdf = new Rdf(info, name, metadata, input.width(), input.height(), divisor);
		files.put(DOCUMENTATION, rdf.documentation().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Map<String, byte[]> all = new LinkedHashMap<>();
		all.put(RDF, rdf.yaml(files).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		all.putAll(files);
		AtomicFiles.write(output, out -> {
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				for (Map.Entry<String, byte[]> e : all.entrySet()) {
					zip.putNextEntry(new ZipEntry(e.getKey()));
					zip.write(e.getValue());
					zip.closeEntry();
				}
			}
		});
		log.accept("Wrote the bioimage.io package " + output);
	}

	/** The model description, with each field the package needs checked (one sentence naming file and field). */
	private static ModelInfo checkedInfo(Path model) {
		ModelInfo info = ModelInfo.read(model);
		Path file = model.resolve(ModelInfo.FILE);
		if (info.patchSize <= 0) throw new BadInputException(file, "field patch_size is missing: the package's "
			+ "input size (inputs[0].axes in rdf.yaml) is made from it");
		if (info.method == null || info.method.isBlank()) throw new BadInputException(file, "field method is "
			+ "missing: the package cites the method's paper (cite in rdf.yaml)");
		if (!info.classNames.isEmpty() && info.classNames.size() != info.numClasses) throw new BadInputException(file,
			"field class_names has " + info.classNames.size() + " names for num_classes " + info.numClasses
				+ ": the package names each output channel (outputs[0].axes in rdf.yaml)");
		return info;
	}

	/** The model folder's name with the characters bioimage.io forbids in names replaced, at least 5 characters. */
	static String defaultName(Path model) {
		String name = model.toAbsolutePath().normalize().getFileName().toString().replaceAll("[^A-Za-z0-9_+\\- ()]",
			"-");
		name = name.length() < 5 ? name + " (LES)" : name;
		return name.length() > 128 ? name.substring(0, 128) : name;
	}

	/** A smooth synthetic image with a bright disc and noise, deterministic, of {@code size x size} pixels. */
	static Volume synthetic(int size) {
		Random random = new Random(16);
		float[] d = new float[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				double r = Math.hypot(x - size * 0.55, y - size * 0.45) / size;
				d[y * size + x] = (float) (100 + (r < 0.2 ? 80 : r < 0.3 ? 40 : 0) + 10 * random.nextGaussian());
			}
		return new Volume(d, size, size, 1);
	}

	/** The middle slice of {@code image}, cropped at its centre to multiples of {@code divisor}. */
	static Volume testSlice(Volume image, int divisor, Path file) {
		int w = image.width() / divisor * divisor, h = image.height() / divisor * divisor;
		if (w == 0 || h == 0) throw new BadInputException(file, "is " + image.width() + "x" + image.height()
			+ " pixels, smaller than the " + divisor + "x" + divisor + " the network needs for a test input");
		Volume slice = image.slice(image.depth() / 2);
		int x0 = (image.width() - w) / 2, y0 = (image.height() - h) / 2;
		float[] d = new float[w * h];
		for (int y = 0; y < h; y++)
			System.arraycopy(slice.data(), (y0 + y) * image.width() + x0, d, y * w, w);
		return new Volume(d, w, h, 1);
	}

	/**
	 * The folder's files as a zip whose root is the folder (saved_model.pb and variables/ at the top), the graph
	 * rewritten by {@link GraphCompat} for older TensorFlow runtimes.
	 */
	static byte[] zipFolder(Path folder) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
			for (Path f : files.sorted().toList()) {
				if (f.equals(folder)) continue;
				String entry = folder.relativize(f).toString().replace('\\', '/');
				zip.putNextEntry(new ZipEntry(Files.isDirectory(f) ? entry + "/" : entry));
				if (entry.equals(SAVED_MODEL)) zip.write(GraphCompat.forOlderRuntimes(Files.readAllBytes(f)));
				else if (Files.isRegularFile(f)) Files.copy(f, zip);
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static int roundUp(int value, int divisor) {
		return (value + divisor - 1) / divisor * divisor;
	}

	/** The shape of an array as NumPy prints it, for messages. */
	static String shape(long[] shape) {
		return Arrays.toString(shape).replace('[', '(').replace(']', ')');
	}
}
