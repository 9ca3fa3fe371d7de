package org.labelefficient.command;

import java.io.File;
import java.io.IOException;

import org.labelefficient.io.BadInputException;
import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.request.CommandSettings;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Dice, Jaccard, HD95, ASD and ASSD of predictions against references (files matched by name); table and CSV. */
@Plugin(type = Command.class, menuPath = "Plugins>Label-Efficient Segmentation>Evaluate")
public class EvaluateCommand extends ContextCommand {

	@Parameter(label = "Predictions (file or folder)", style = "both")
	private File prediction;

	@Parameter(label = "References (file or folder)", style = "both")
	private File reference;

	@Parameter(label = "Spacing x,y,z (empty: from the files)", required = false)
	private String spacing = "";

	@Parameter(label = "CSV output", style = "save", required = false)
	private File output;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			double[] s = spacing == null || spacing.isBlank() ? null : CommandSettings.spacing(
				CommandSettings.SPACING.parse(spacing));
			MetricsTable table = new FolderEvaluation(s, 0).evaluate(prediction.toPath(), reference.toPath(), log::info);
			log.info("\n" + table.toText());
			if (output != null) table.writeCsv(output.toPath());
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
		catch (IOException e) {
			cancel("The CSV could not be written: " + e.getMessage());
		}
	}
}
