package org.labelefficient.command;

import java.io.File;
import java.util.Map;

import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.ij1.Engines;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Turns a bioimage.io model package with TensorFlow weights into a model folder for Predict (docs/bioimage.md). */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Import from bioimage.io")
public class ImportBioimageCommand extends ContextCommand {

	@Parameter(label = "Package (.zip or folder)", style = "both")
	private File input;

	@Parameter(label = "Model folder to write", style = "directory")
	private File output;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		String error = Engines.call("import", Map.of(ExportSettings.PACKAGE.key(), input.toString(), ExportSettings
			.IMPORT_OUTPUT.key(), output.toString()), false, log::info);
		if (error != null) cancel(error);
	}
}
