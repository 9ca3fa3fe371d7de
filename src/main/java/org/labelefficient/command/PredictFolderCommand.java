package org.labelefficient.command;

import java.io.File;
import java.util.Map;

import org.labelefficient.ij1.Engines;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.request.CommandSettings;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Segments every image of a folder into label images of the same names in another folder, with the engine. */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Predict Folder")
public class PredictFolderCommand extends ContextCommand {

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter(label = "Input folder", style = "directory")
	private File input;

	@Parameter(label = "Output folder", style = "directory")
	private File output;

	@Parameter(label = "Keep the largest component per class")
	private boolean largest_component = PredictionOptions.LARGEST_COMPONENT.defaultValue();

	@Parameter(label = "Average over flipped inputs (4x slower, 8x in 3D)")
	private boolean mirror = PredictionOptions.MIRROR.defaultValue();

	@Parameter
	private LogService log;

	@Override
	public void run() {
		String error = Engines.call("predict", Map.of(CommandSettings.MODEL.key(), model.toString(),
			CommandSettings.PREDICT_INPUT.key(), input.toString(), CommandSettings.PREDICT_OUTPUT.key(), output
				.toString(), PredictionOptions.LARGEST_COMPONENT.key(), Boolean.toString(largest_component),
			PredictionOptions.MIRROR.key(), Boolean.toString(mirror)), false, log::info);
		if (error != null) cancel(error);
	}
}
