package org.labelefficient.command;

import java.util.Arrays;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.VoxelType;
import org.labelefficient.scribble.RoiScribbles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.plugin.frame.RoiManager;

/**
 * Turns the ROI Manager's line, polyline, freehand and area ROIs into a scribble image for the current image: each
 * ROI's class comes from its name ("class 2", "LV:3") or group; everything else is the unlabelled value.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Scribbles from ROI Manager")
public class ScribblesFromRoiManagerCommand extends ContextCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Unlabelled value", min = "0", max = "65535")
	private int unlabelled_value = 255;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus scribbles;

	@Override
	public void run() {
		try {
			RoiManager manager = RoiManager.getInstance();
			if (manager == null || manager.getCount() == 0) throw new BadInputException(
				"The ROI Manager is empty; draw scribbles as line or freehand ROIs and add them (press t) first.");
			var volume = RoiScribbles.fromRois(Arrays.asList(manager.getRoisAsArray()), image.getWidth(), image
				.getHeight(), image.getStackSize(), unlabelled_value);
			scribbles = ImageJFormats.toImagePlus(volume, image.getShortTitle() + "-scribbles", VoxelType.holding(
				unlabelled_value));
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
	}
}
