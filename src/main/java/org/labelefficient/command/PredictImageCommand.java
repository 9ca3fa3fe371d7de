package org.labelefficient.command;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.ij1.CurrentImage;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.BadInputException;
import org.labelefficient.request.CommandSettings;
import org.scijava.log.LogService;
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

	@Parameter(label = "Average over flipped inputs (4x slower, 8x in 3D)")
	private boolean mirror = PredictionOptions.MIRROR.defaultValue();

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

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			Map<String, String> options = new LinkedHashMap<>();
			options.put(CommandSettings.MODEL.key(), model == null ? "" : model.toString());
			options.put(PredictionOptions.CHECKPOINT.key(), checkpoint);
			options.put(PredictionOptions.LARGEST_COMPONENT.key(), Boolean.toString(largest_component));
			options.put(PredictionOptions.MIRROR.key(), Boolean.toString(mirror));
			CurrentImage.Predicted p = CurrentImage.predict(image, options, overlay, probabilities, uncertainty, log::info);
			labels = p.labels();
			probability_maps = p.probabilities();
			uncertainty_map = p.uncertainty();
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
	}
}
