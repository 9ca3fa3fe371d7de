package org.labelefficient.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.method.Methods;
import org.labelefficient.method.Setting;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingSettings;

/**
 * Reads a {@link TrainingRequest} from options: the keys and defaults shared by the command line, the ImageJ macro
 * options and the Fiji commands.
 */
public final class TrainingOptions {

	private TrainingOptions() {}

	/** The loop settings with their defaults. */
	public static TrainingSettings settings(Options o) {
		String optimizer = o.string("optimizer", "adam");
		return new TrainingSettings(o.integer("iterations", 2000), o.integer("batch_size", 8), o.integer("patch_size",
			128), o.integer("seed", 1), o.number("learning_rate", optimizer.equals("sgd") ? 0.01 : 1e-3), optimizer, o
				.string("lr_schedule", "poly"), o.integer("lr_step", 2500), o.number("lr_gamma", 0.1), o.number(
					"weight_decay", optimizer.equals("sgd") ? 1e-4 : 1e-5), o.number("momentum", 0.9), o.flag("nesterov",
						false), o.integer("validation_interval", 200), o.integer("base_channels", 16), o.flag("augment",
							true), o.integer("log_interval", 20));
	}

	/** The whole request; method settings are the options named by the method's settings. */
	public static TrainingRequest request(Options o) {
		String method = o.string("method");
		Map<String, String> methodSettings = new LinkedHashMap<>();
		for (Setting s : Methods.get(method).settings())
			if (o.has(s.key())) methodSettings.put(s.key(), o.string(s.key()));
		return new TrainingRequest(o.path("dataset"), method, methodSettings, settings(o), o.path("output"), o.integer(
			"unlabelled_value", 255), o.integer("labelled_patients", -1), o.integer("num_classes", 0), o.number(
				"validation_fraction", 0.2), o.string("train_list", "train_patients.txt"), o.string("val_list",
					"val_patients.txt"), o.string("normalization", "zscore"), o.flag("resume", false), o.flag("allow_padding", true))
			.withInitModel(o.has("init_model") ? o.path("init_model") : null).withUnlabelledImages(o.has(
				"unlabelled_images") ? o.path("unlabelled_images") : null);
	}
}
