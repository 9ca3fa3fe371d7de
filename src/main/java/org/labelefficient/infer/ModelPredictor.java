package org.labelefficient.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
 * overlapping tiles (or by 3D windows), optionally averaged over flipped inputs ({@link Mirroring}), optionally keeps
 * the largest component per class, and writes label images (and probability maps) next to nothing else: one output
 * per input, written atomically. Thread-safe.
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
		ModelInfo info = check(modelDir, options);
		Path saved = savedModel(modelDir, options);
		return new ModelPredictor(info, new SavedModelNetwork(saved, info.numClasses, info.network().sizeDivisor()),
			options);
	}

	/**
	 * Checks a model folder without loading its network (restoring a part left aside by an interrupted save): its
	 * {@code model.json} and that the SavedModel the options choose is there. Returns the model description.
	 */
	public static ModelInfo check(Path modelDir, PredictionOptions options) {
		ModelInfo info = ModelInfo.read(modelDir);
		try {
			ModelFolder.recover(modelDir);
		}
		catch (IOException e) {
			throw new BadInputException(modelDir, "a part left aside by an interrupted save cannot be restored ("
				+ e.getMessage() + ")", e);
		}
		Path saved = savedModel(modelDir, options);
		if (!Files.isDirectory(saved)) throw new BadInputException(saved, "missing from the model folder");
		return info;
	}

	private static Path savedModel(Path modelDir, PredictionOptions options) {
		return options.checkpoint().equals("latest") ? ModelFolder.latest(modelDir) : ModelFolder.best(modelDir);
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
		Segmentation s = info.dimensions() == 3 ? new SlidingWindowSegmenter(windows(), info.patchShape, options
			.tileOverlap()).segment(normalised, options.probabilities()) : new VolumeSegmenter(slices(), info.sampling(),
				info.patchSize, options.tileOverlap()).segment(normalised, options.probabilities());
		if (!options.largestComponent()) return s;
		return new Segmentation(LargestComponent.keepLargestPerClass(s.labels(), info.numClasses), s.probabilities());
	}

	private SlicePredictor slices() {
		return options.mirror() ? Mirroring.of(network) : network;
	}

	private WindowPredictor windows() {
		WindowPredictor windows = network.windows(info.network().divisors());
		return options.mirror() ? Mirroring.of(windows) : windows;
	}

	/**
	 * Predicts a file into a file, or the files of a folder, glob or list ({@link PredictionInputs}) into a folder;
	 * returns the number of images predicted. Reports each file to {@code log}.
	 */
	public int predictPath(Path input, Path output, Consumer<String> log) throws IOException {
		return predictPath(input, output, Shard.ALL, log);
	}

	/** As {@link #predictPath(Path, Path, Consumer)}, for the files of one shard of the input only. */
	public int predictPath(Path input, Path output, Shard shard, Consumer<String> log) throws IOException {
		if (PredictionInputs.isSingleFile(input)) {
			if (!shard.equals(Shard.ALL)) throw new BadInputException(input, "is a single file; " + Shard.SETTING.key()
				+ " splits the files of a folder, glob or list");
			predictFile(input, output);
			return 1;
		}
		List<Path> all = PredictionInputs.resolve(input);
		Map<Path, Path> outputs = PredictionInputs.outputs(all, output);
		List<Path> files = shard.select(all);
		if (!shard.equals(Shard.ALL)) log.accept("shard " + shard + ": " + files.size() + " of " + all.size()
			+ " files");
		for (int i = 0; i < files.size(); i++) {
			Path f = files.get(i);
			log.accept((i + 1) + "/" + files.size() + ": " + f.getFileName());
			predictFile(f, outputs.get(f));
		}
		return files.size();
	}

	/**
	 * The files {@link #predictFile} writes for output {@code output}: the label image, then with probabilities the
	 * {@code numClasses} maps and the uncertainty. Each is written whole under its name, so all of them existing
	 * means the prediction of that file is complete.
	 */
	public static List<Path> outputFiles(Path output, PredictionOptions options, int numClasses) {
		List<Path> files = new ArrayList<>(List.of(output));
		if (options.probabilities()) {
			for (int c = 0; c < numClasses; c++)
				files.add(FileNames.withSuffix(output, "_prob" + c));
			files.add(FileNames.withSuffix(output, "_uncertainty"));
		}
		return files;
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

	@Override
	public void close() {
		network.close();
	}
}
