package org.labelefficient.command;

import java.io.File;

import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.VoxelType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/** Segments the current image (2D or stack) with a trained model; the result is a label image of the same size. */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Predict (current image)")
public class PredictImageCommand extends ContextCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter(label = "Keep the largest component per class")
	private boolean largest_component = false;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus labels;

	@Override
	public void run() {
		try {
			if (image == null || image.getStackSize() == 0 || image.getWidth() < 2) throw new BadInputException(
				"There is no image to segment; open one first.");
			PredictionOptions options = new PredictionOptions("best", false, largest_component, 0.25);
			try (ModelPredictor predictor = ModelPredictor.open(model.toPath(), options)) {
				Segmentation s = predictor.segment(ImageJFormats.fromImagePlus(image), image.getTitle());
				labels = ImageJFormats.toImagePlus(s.labels(), image.getShortTitle() + "-labels", VoxelType.UINT8);
			}
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
	}
}
