package org.labelefficient.command;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.ij1.Engines;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Writes a model folder as a bioimage.io model package that other tools can run (docs/bioimage.md). */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Export to bioimage.io")
public class ExportBioimageCommand extends ContextCommand {

	@Parameter(label = "Model folder", style = "directory")
	private File model;

	@Parameter(label = "Package (.zip)", style = "save")
	private File output;

	@Parameter(label = "Test image (optional)", required = false)
	private File test_image;

	@Parameter(label = "Name (default: the folder's)", required = false)
	private String name = ExportSettings.NAME.defaultValue();

	@Parameter(label = "Authors (comma-separated)", required = false)
	private String authors = ExportSettings.AUTHORS.defaultValue();

	@Parameter(label = "Licence (SPDX identifier)")
	private String license = ExportSettings.LICENSE.defaultValue();

	@Parameter
	private LogService log;

	@Override
	public void run() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put(ExportSettings.MODEL.key(), model.toString());
		options.put(ExportSettings.OUTPUT.key(), output.toString());
		if (test_image != null) options.put(ExportSettings.TEST_IMAGE.key(), test_image.toString());
		if (name != null && !name.isBlank()) options.put(ExportSettings.NAME.key(), name);
		if (authors != null && !authors.isBlank()) options.put(ExportSettings.AUTHORS.key(), authors);
		options.put(ExportSettings.LICENSE.key(), license);
		String error = Engines.call("export", options, false, log::info);
		if (error != null) cancel(error);
	}
}
