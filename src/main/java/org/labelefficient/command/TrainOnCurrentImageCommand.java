package org.labelefficient.command;

import static org.labelefficient.data.DatasetSettings.*;
import static org.labelefficient.train.LoopSettings.*;
import static org.labelefficient.train.RequestSettings.*;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.labelefficient.data.BatchPlan.LabelKind;
import org.labelefficient.data.FolderLayout;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VoxelType;
import org.labelefficient.method.Methods;
import org.labelefficient.setting.Setting;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Trains a model on the open image (2D or stack) and its scribble image, e.g. from Scribbles from ROI Manager: the
 * Labkit-style loop of scribbling, training, predicting and adding scribbles where the uncertainty map is bright. The
 * two images become a one-case dataset in a temporary folder that is deleted afterwards.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Train on Current Image")
public class TrainOnCurrentImageCommand extends TrainingCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Scribbles (same size, one value per class)")
	private ImagePlus scribbles;

	@Parameter(label = "Method", initializer = "methods")
	private String method = "scribsd";

	@Parameter(label = "Model folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Iterations")
	private int iterations = 500;

	@Parameter(label = "Patch size (multiple of 16)")
	private int patch_size = PATCH_SIZE.defaultValue()[0];

	@Parameter(label = "Unlabelled value of the scribbles")
	private int unlabelled_value = UNLABELLED_VALUE.defaultValue();

	@Parameter(label = "Seed")
	private int seed = SEED.defaultValue();

	/** The scribble methods. */
	private void methods() {
		offerMethods(Methods.ids(LabelKind.SCRIBBLE));
	}

	@Override
	public void run() {
		if (image.getWidth() != scribbles.getWidth() || image.getHeight() != scribbles.getHeight() || image
			.getStackSize() != scribbles.getStackSize()) {
			cancel(String.format("The scribbles (%s, %dx%dx%d) must have the size of the image (%s, %dx%dx%d).", scribbles
				.getTitle(), scribbles.getWidth(), scribbles.getHeight(), scribbles.getStackSize(), image.getTitle(), image
					.getWidth(), image.getHeight(), image.getStackSize()));
			return;
		}
		Path dataset = writeDataset();
		try {
			train(() -> Map.<Setting<?>, Object> of(DATASET, dataset, METHOD, method, OUTPUT, output, ITERATIONS,
				iterations, PATCH_SIZE, patch_size, SEED, seed, UNLABELLED_VALUE, unlabelled_value, VALIDATION_FRACTION,
				0.0));
		}
		finally {
			delete(dataset);
		}
	}

	/** The two images as a folder dataset with one case. */
	private Path writeDataset() {
		try {
			Path folder = Files.createTempDirectory("les-current-image-");
			ImageJFormats.writeTiff(ImageJFormats.fromImagePlus(image), Files.createDirectories(folder.resolve(
				FolderLayout.IMAGES)).resolve("image.tif"), VoxelType.FLOAT32);
			Volume s = ImageJFormats.fromImagePlus(scribbles);
			int max = unlabelled_value;
			for (float v : s.data()) max = Math.max(max, (int) v);
			ImageJFormats.writeTiff(s, Files.createDirectories(folder.resolve(FolderLayout.SCRIBBLES)).resolve("image.tif"),
				VoxelType.holding(max));
			return folder;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the temporary training dataset", e);
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
