package org.labelefficient.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.infer.Shard;
import org.labelefficient.request.CommandSettings;
import org.labelefficient.request.Options;
import org.labelefficient.setting.SettingValues;

/** {@code predict}: segments one file, or every image of a folder, glob or list (or one shard of them), with a trained model. */
final class PredictCommand implements CliCommand {

	@Override
	public String name() {
		return "predict";
	}

	@Override
	public String usage() {
		return Help.usage(name(), CommandSettings.PREDICT);
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		SettingValues v = options.values(CommandSettings.PREDICT);
		options.checkAllUsed();
		Shard shard = Shard.parse(v.get(Shard.SETTING));
		Path output = v.get(CommandSettings.PREDICT_OUTPUT);
		try (ModelPredictor predictor = ModelPredictor.open(v.get(CommandSettings.MODEL), PredictionOptions.of(v))) {
			int n = predictor.predictPath(v.get(CommandSettings.PREDICT_INPUT), output, shard, out::println);
			out.println("Predicted " + n + " image" + (n == 1 ? "" : "s") + " into " + output);
		}
	}
}
