package org.labelefficient.command;

import java.io.File;
import java.io.IOException;

import org.labelefficient.bioimage.PackageImport;
import org.labelefficient.io.BadInputException;
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
		try {
			PackageImport.importPackage(input.toPath(), output.toPath(), log::info);
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
		catch (IOException e) {
			cancel("The model folder could not be written: " + e.getMessage());
		}
	}
}
