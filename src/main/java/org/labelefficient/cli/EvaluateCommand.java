package org.labelefficient.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.labelefficient.request.Options;
import org.labelefficient.metrics.FolderEvaluation;
import org.labelefficient.metrics.MetricsTable;

/** {@code evaluate}: Dice, Jaccard, HD95, ASD and ASSD of predictions against references; table and CSV. */
final class EvaluateCommand implements CliCommand {

	@Override
	public String name() {
		return "evaluate";
	}

	@Override
	public String usage() {
		return "evaluate prediction=<file or folder> reference=<file or folder> [spacing=x,y,z] [num_classes=N] "
			+ "[output=<csv>]";
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		Path prediction = options.path("prediction"), reference = options.path("reference");
		double[] spacing = options.has("spacing") ? Options.spacing(options.string("spacing")) : null;
		int numClasses = options.integer("num_classes", 0);
		Path csv = options.has("output") ? options.path("output") : null;
		options.checkAllUsed();
		MetricsTable table = new FolderEvaluation(spacing, numClasses).evaluate(prediction, reference, s -> {});
		out.print(table.toText());
		if (csv != null) {
			table.writeCsv(csv);
			out.println("Wrote " + csv);
		}
	}
}
