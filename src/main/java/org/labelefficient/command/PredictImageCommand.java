package org.labelefficient.command;

import java.io.File;

import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.infer.Uncertainty;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.VoxelType;
import org.labelefficient.ui.ResultImages;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Segments the current image (2D or stack) with a trained model: a label image of the same size with one colour per
 * class, optionally drawn over the input as a translucent overlay, and on request the probability maps (a channel per
 * class) and the uncertainty map (normalised entropy of the class probabilities), bright where the next scribbles
 * help most.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Predict (current image)")
public class PredictImageCommand extends ContextCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter(label = "Keep the largest component per class")
	private boolean largest_component = PredictionOptions.LARGEST_COMPONENT.defaultValue();

	@Parameter(label = "Which network", choices = { "best", "latest" })
	private String checkpoint = PredictionOptions.CHECKPOINT.defaultValue();

	@Parameter(label = "Show the labels over the image (single-channel images)")
	private boolean overlay = true;

	@Parameter(label = "Also show the probability maps")
	private boolean probabilities = PredictionOptions.PROBABILITIES.defaultValue();

	@Parameter(label = "Also show the uncertainty map (where scribbles help most)")
	private boolean uncertainty = false;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Parameter(type = ItemIO.OUTPUT, required = false)
	private ImagePlus probability_maps;

	@Parameter(type = ItemIO.OUTPUT, required = false)
	private ImagePlus uncertainty_map;

	@Override
	public void run() {
		try {
			if (image == null || image.getStackSize() == 0 || image.getWidth() < 2) throw new BadInputException(
				"There is no image to segment; open one first.");
			PredictionOptions options = new PredictionOptions(checkpoint, uncertainty || probabilities,
				largest_component, PredictionOptions.TILE_OVERLAP.defaultValue());
			try (ModelPredictor predictor = ModelPredictor.open(model.toPath(), options)) {
				Segmentation s = predictor.segment(ImageJFormats.fromImagePlus(image), image.getTitle());
				labels = ResultImages.labels(s.labels(), image.getShortTitle() + "-labels");
				if (overlay && image.getNChannels() == 1) ResultImages.overlay(image, s.labels(), 0.4);
				if (probabilities) probability_maps = ResultImages.probabilities(s.probabilities(), image.getShortTitle()
					+ "-probabilities");
				if (uncertainty) uncertainty_map = ImageJFormats.toImagePlus(Uncertainty.entropy(s.probabilities()), image
					.getShortTitle() + "-uncertainty", VoxelType.FLOAT32);
			}
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
	}
}
