package org.labelefficient.ij1;

import static org.labelefficient.data.DatasetSettings.VALIDATION_FRACTION;
import static org.labelefficient.train.RequestSettings.DATASET;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.labelefficient.bridge.MacroOptions;
import org.labelefficient.data.FolderLayout;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VoxelType;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.setting.Setting;
import org.labelefficient.ui.ResultImages;

import ij.ImagePlus;

/**
 * The interactive commands on open images, for the Fiji commands and the ImageJ 1.x door alike: the images cross the
 * {@link org.labelefficient.bridge.Engine} boundary as TIFF files in a temporary folder (deleted afterwards), so the
 * engine may run in a process of its own.
 */
public final class CurrentImage {

	/** A prediction's images: the labels, and on request the probability maps and the uncertainty map (else null). */
	public record Predicted(ImagePlus labels, ImagePlus probabilities, ImagePlus uncertainty) {}

	/** A prediction's volumes: the labels, the probability maps (empty unless asked for), the uncertainty (or null). */
	public record Maps(Volume labels, List<Volume> probabilities, Volume uncertainty) {}

	/** The dialog field with a method's own settings, {@code key=value ...} (the ImageJ 1.x door's key too). */
	public static final String METHOD_SETTINGS = "method_settings";

	private static final String INPUT = "image.tif";

	private CurrentImage() {}

	/**
	 * Segments {@code image} with the engine's {@code predict} and {@code options} (model, checkpoint, largest
	 * component); draws the labels over the image when {@code overlay} (single-channel images).
	 */
	public static Predicted predict(ImagePlus image, Map<String, String> options, boolean overlay,
		boolean probabilities, boolean uncertainty, Consumer<String> log) {
		if (image == null || image.getStackSize() == 0 || image.getWidth() < 2) throw new BadInputException(
			"There is no image to segment; open one first.");
		Maps m = predict(ImageJFormats.fromImagePlus(image), options, probabilities || uncertainty, log);
		String title = image.getShortTitle();
		if (overlay && image.getNChannels() == 1) ResultImages.overlay(image, m.labels(), 0.4);
		return new Predicted(ResultImages.labels(m.labels(), title + "-labels"), probabilities ? ResultImages
			.probabilities(m.probabilities(), title + "-probabilities") : null, uncertainty ? ImageJFormats.toImagePlus(m
				.uncertainty(), title + "-uncertainty", VoxelType.FLOAT32) : null);
	}

	/**
	 * Segments {@code image} with the engine's {@code predict} and {@code options} (model, checkpoint, largest
	 * component, tile overlap) through temporary TIFF files, deleted afterwards; with {@code probabilities}, the
	 * probability maps and the uncertainty too. For the ImageJ doors and the scripting API alike.
	 */
	public static Maps predict(Volume image, Map<String, String> options, boolean probabilities, Consumer<String> log) {
		Path folder = temporaryFolder("les-predict-");
		try {
			Path in = folder.resolve(INPUT), out = folder.resolve("out").resolve(INPUT);
			ImageJFormats.writeTiff(image, in, VoxelType.FLOAT32);
			Files.createDirectories(out.getParent());
			Map<String, String> o = new LinkedHashMap<>(options);
			o.put(CommandSettings.PREDICT_INPUT.key(), in.toString());
			o.put(CommandSettings.PREDICT_OUTPUT.key(), out.toString());
			o.put(PredictionOptions.PROBABILITIES.key(), Boolean.toString(probabilities));
			String error = Engines.call("predict", o, false, log);
			if (error != null) throw new BadInputException(error);
			List<Volume> maps = new ArrayList<>();
			for (Path p; Files.isRegularFile(p = sibling(out, "_prob" + maps.size()));)
				maps.add(ImageJFormats.read(p));
			Path u = sibling(out, "_uncertainty");
			return new Maps(ImageJFormats.read(out), maps, Files.isRegularFile(u) ? ImageJFormats.read(u) : null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The temporary files of the prediction could not be written", e);
		}
		finally {
			delete(folder);
		}
	}

	/**
	 * Trains with the engine's {@code train} and {@code options} on {@code image} and its {@code scribbles} (same
	 * size, {@code unlabelledValue} where unlabelled), a one-case dataset without validation; {@code methodSettings}:
	 * the method's own settings in macro syntax (may be empty). Null when it succeeded, else the error.
	 */
	public static String train(ImagePlus image, ImagePlus scribbles, int unlabelledValue, Map<Setting<?>, ?> options,
		String methodSettings, boolean window, Consumer<String> log) {
		if (image == null || scribbles == null) return "Open the image and its scribble image first.";
		if (image.getWidth() != scribbles.getWidth() || image.getHeight() != scribbles.getHeight() || image
			.getStackSize() != scribbles.getStackSize()) return String.format(
				"The scribbles (%s, %dx%dx%d) must have the size of the image (%s, %dx%dx%d).", scribbles.getTitle(),
				scribbles.getWidth(), scribbles.getHeight(), scribbles.getStackSize(), image.getTitle(), image.getWidth(),
				image.getHeight(), image.getStackSize());
		Path dataset = temporaryFolder("les-current-image-");
		try {
			ImageJFormats.writeTiff(ImageJFormats.fromImagePlus(image), Files.createDirectories(dataset.resolve(
				FolderLayout.IMAGES)).resolve(INPUT), VoxelType.FLOAT32);
			Volume s = ImageJFormats.fromImagePlus(scribbles);
			int max = unlabelledValue;
			for (float v : s.data())
				max = Math.max(max, (int) v);
			ImageJFormats.writeTiff(s, Files.createDirectories(dataset.resolve(FolderLayout.SCRIBBLES)).resolve(INPUT),
				VoxelType.holding(max));
			Map<Setting<?>, Object> all = new LinkedHashMap<>(options);
			all.put(DATASET, dataset);
			all.put(VALIDATION_FRACTION, 0.0);
			return Engines.call("train", (MacroOptions.of(Setting.asText(all)) + " " + methodSettings).trim(), window,
				log);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the temporary training dataset", e);
		}
		finally {
			delete(dataset);
		}
	}

	private static Path sibling(Path file, String suffix) {
		String name = file.getFileName().toString();
		return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + suffix + ".tif");
	}

	private static Path temporaryFolder(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException("No temporary folder could be made", e);
		}
	}

	private static void delete(Path folder) {
		try {
			AtomicFiles.deleteRecursively(folder);
		}
		catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}
}
