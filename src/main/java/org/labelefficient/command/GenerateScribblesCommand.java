package org.labelefficient.command;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.VoxelType;
import org.labelefficient.scribble.ScribbleGenerator;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Synthetic scribbles from a dense label image: a skeleton stroke inside each class region and background strokes, on
 * every slice or (mode {@code volume}) on a few planes in each direction of a volume.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Generate Scribbles")
public class GenerateScribblesCommand extends ContextCommand {

	@Parameter(label = "Label image")
	private ImagePlus labels;

	@Parameter(label = "Coverage (share of each class region)", min = "0.001", max = "1")
	private double coverage = ScribbleGenerator.Settings.DEFAULT_COVERAGE;

	@Parameter(label = "Margin from class borders (pixels)", min = "0")
	private int margin = ScribbleGenerator.Settings.DEFAULT_MARGIN;

	@Parameter(label = "Strokes (slices: every slice; volume: planes in three directions, for 3D training)",
		choices = { ScribbleGenerator.SLICES, ScribbleGenerator.VOLUME })
	private String scribble_mode = ScribbleGenerator.SLICES;

	@Parameter(label = "Seed")
	private long seed = 1;

	@Parameter(label = "Unlabelled value", min = "0", max = "65535")
	private int unlabelled_value = 255;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus scribbles;

	@Override
	public void run() {
		try {
			var settings = new ScribbleGenerator.Settings(coverage, margin,
				ScribbleGenerator.Settings.DEFAULT_BACKGROUND_BAND, seed, ScribbleGenerator.MODE.parse(scribble_mode));
			var volume = new ScribbleGenerator(settings).generate(ImageJFormats.fromImagePlus(labels), unlabelled_value);
			scribbles = ImageJFormats.toImagePlus(volume, labels.getShortTitle() + "-scribbles", VoxelType.holding(
				unlabelled_value));
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
	}
}
