package org.labelefficient.command;

import java.io.File;
import java.io.IOException;

import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.bioimage.PackageExport;
import org.labelefficient.io.BadInputException;
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
		try {
			PackageExport.export(model.toPath(), output.toPath(), test_image == null ? null : test_image.toPath(),
				new PackageExport.Metadata(name == null ? "" : name, authors == null ? "" : authors, license), log::info);
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
		catch (IOException e) {
			cancel("The package could not be written: " + e.getMessage());
		}
	}
}
