package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.request.Options;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;

/** {@code predict}: segments one file or every image of a folder with a trained model. */
final class PredictCommand implements CliCommand {

	@Override
	public String name() {
		return "predict";
	}

	@Override
	public String usage() {
		return "predict model=<model folder> input=<file or folder> output=<file or folder> [probabilities=false "
			+ "largest_component=false checkpoint=best|latest tile_overlap=0.25]";
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		var model = options.path("model");
		var input = options.path("input");
		var output = options.path("output");
		PredictionOptions prediction = new PredictionOptions(options.string("checkpoint", "best"), options.flag(
			"probabilities", false), options.flag("largest_component", false), options.number("tile_overlap", 0.25));
		options.checkAllUsed();
		try (ModelPredictor predictor = ModelPredictor.open(model, prediction)) {
			int n = predictor.predictPath(input, output, out::println);
			out.println("Predicted " + n + " image" + (n == 1 ? "" : "s") + " into " + output);
		}
	}
}
