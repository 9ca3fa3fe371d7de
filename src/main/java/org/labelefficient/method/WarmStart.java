package org.labelefficient.method;

import java.nio.file.Path;

import org.labelefficient.setting.Setting;

/**
 * The declaration of a warm start ({@code init_model}): a trained model folder whose weights the networks start from.
 * A training request setting, declared here because methods plan around it (Reciprocal skips its teacher
 * pre-training, ACTION its pre-training stages) and name it in their messages.
 */
public final class WarmStart {

	/** The model folder a run starts from; left out, the networks start from fresh weights. */
	public static final Setting<Path> INIT_MODEL = Setting.path("init_model", null,
		"trained model folder whose best weights the networks start from (a warm start)").optional();

	private WarmStart() {}
}
