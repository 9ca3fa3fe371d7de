package org.labelefficient.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.request.Options;
import org.labelefficient.setting.SettingValues;

/** {@code evaluate}: Dice, Jaccard, HD95, ASD and ASSD of predictions against references; table and CSV. */
final class EvaluateCommand implements CliCommand {

	@Override
	public String name() {
		return "evaluate";
	}

	@Override
	public String usage() {
		return Help.usage(name(), CommandSettings.EVALUATE);
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		SettingValues v = options.values(CommandSettings.EVALUATE);
		options.checkAllUsed();
		Path csv = v.get(CommandSettings.CSV);
		MetricsTable table = new FolderEvaluation(CommandSettings.spacing(v.get(CommandSettings.SPACING)), v.get(
			CommandSettings.EVALUATE_CLASSES)).evaluate(v.get(CommandSettings.PREDICTION), v.get(
				CommandSettings.REFERENCE), s -> {});
		out.print(table.toText());
		if (csv != null) {
			table.writeCsv(csv);
			out.println("Wrote " + csv);
		}
	}
}
