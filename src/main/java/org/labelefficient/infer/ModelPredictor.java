package org.labelefficient.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.FileNames;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.ModelInfo;

/**
 * Applies a trained model folder to images: normalises them as recorded in the model, predicts slice by slice with
 * overlapping tiles, optionally keeps the largest component per class, and writes label images (and probability maps)
 * next to nothing else: one output per input, written atomically. Thread-safe.
 */
public final class ModelPredictor implements AutoCloseable {

	private final ModelInfo info;
	private final SavedModelNetwork network;
	private final PredictionOptions options;

	private ModelPredictor(ModelInfo info, SavedModelNetwork network, PredictionOptions options) {
		this.info = info;
		this.network = network;
		this.options = options;
	}

	/** Opens a model folder; checks {@code model.json} and the chosen SavedModel. */
	public static ModelPredictor open(Path modelDir, PredictionOptions options) {
		ModelInfo info = ModelInfo.read(modelDir);
		try {
			ModelFolder.recover(modelDir);
		}
		catch (IOException e) {
			throw new BadInputException(modelDir, "a part left aside by an interrupted save cannot be restored ("
				+ e.getMessage() + ")", e);
		}
		Path saved = options.checkpoint().equals("latest") ? ModelFolder.latest(modelDir) : ModelFolder.best(modelDir);
		if (!Files.isDirectory(saved)) throw new BadInputException(saved, "missing from the model folder");
		return new ModelPredictor(info, new SavedModelNetwork(saved, info.numClasses, info.network().sizeDivisor()),
			options);
	}

	/** The model description. */
	public ModelInfo info() {
		return info;
	}

	/** Segments an image or volume as read from a file (not yet normalised). */
	public Segmentation segment(Volume image, String name) {
		if (info.dimensions() == 3 && image.depth() == 1) throw new BadInputException(name
			+ " is a 2D image but the model is a 3D network (dimensions=3) that segments volumes; use a 2D model or a "
			+ "3D volume");
		Volume normalised = Normalization.parse(info.normalization).apply(image, name);
		Segmentation s = info.dimensions() == 3 ? new SlidingWindowSegmenter(network.windows(info.network().divisors()),
			info.patchShape, options.tileOverlap()).segment(normalised, options.probabilities()) : new VolumeSegmenter(
				network, info.patchSize, options.tileOverlap()).segment(normalised, options.probabilities());
		if (!options.largestComponent()) return s;
		return new Segmentation(LargestComponent.keepLargestPerClass(s.labels(), info.numClasses), s.probabilities());
	}

	/**
	 * Predicts a file into a file, or every image file of a folder into a folder (same names); returns the number of
	 * images predicted. Reports each file to {@code log}.
	 */
	public int predictPath(Path input, Path output, Consumer<String> log) throws IOException {
		if (!Files.exists(input)) throw new BadInputException(input, "not found");
		if (!Files.isDirectory(input)) {
			predictFile(input, output);
			return 1;
		}
		List<Path> files = imageFiles(input);
		if (files.isEmpty()) throw new BadInputException(input, "contains no image files");
		for (int i = 0; i < files.size(); i++) {
			Path f = files.get(i);
			log.accept((i + 1) + "/" + files.size() + ": " + f.getFileName());
			predictFile(f, output.resolve(outputName(f)));
		}
		return files.size();
	}

	/**
	 * Predicts one file; with probabilities on, the maps go to {@code <name>_prob<c>.<ext>} and the normalised entropy
	 * ({@link Uncertainty}) to {@code <name>_uncertainty.<ext>} beside the label image.
	 */
	public void predictFile(Path input, Path output) throws IOException {
		if (!FileNames.WRITABLE_EXTENSIONS.contains(FileNames.extension(output))) throw new BadInputException(output,
			"cannot be written: use .nii.gz, .nii, .tif or .png");
		Segmentation s = segment(VolumeIO.read(input), input.toString());
		VolumeIO.write(s.labels(), output, info.numClasses <= 256 ? VoxelType.UINT8 : VoxelType.UINT16);
		for (int c = 0; c < s.probabilities().size(); c++)
			VolumeIO.write(s.probabilities().get(c), FileNames.withSuffix(output, "_prob" + c), VoxelType.FLOAT32);
		if (!s.probabilities().isEmpty()) VolumeIO.write(Uncertainty.entropy(s.probabilities()), FileNames.withSuffix(
			output, "_uncertainty"), VoxelType.FLOAT32);
	}

	/** The output file name for an input: the same name, or {@code <base>.nii.gz} for formats we do not write. */
	static String outputName(Path input) {
		String ext = FileNames.extension(input);
		return FileNames.WRITABLE_EXTENSIONS.contains(ext) ? input.getFileName().toString() : FileNames.baseName(input)
			+ ".nii.gz";
	}

	private static List<Path> imageFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return new ArrayList<>(files.filter(Files::isRegularFile).filter(FileNames::isImage).sorted().toList());
		}
	}

	@Override
	public void close() {
		network.close();
	}
}
