package org.labelefficient.train;

import java.nio.file.Path;
import java.util.List;

import org.labelefficient.data.BatchAssembler;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.method.TrainingMethod;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.nn.UNetConfig;

/**
 * Everything a training run needs, already validated: the method and its settings, loop settings, network,
 * batch source, validation cases (may be empty), the model folder, whether to resume from its checkpoint, the
 * model description to complete and write, and the model whose weights a warm start begins with ({@code null}: none).
 */
public record TrainingJob(TrainingMethod method, SettingValues methodSettings, TrainingSettings settings,
	UNetConfig network, BatchAssembler batches, List<ValidationCase> validation, Path output, boolean resume,
	ModelInfo info, Path initModel) {

	/** A job from freshly initialised weights. */
	public TrainingJob(TrainingMethod method, SettingValues methodSettings, TrainingSettings settings,
		UNetConfig network, BatchAssembler batches, List<ValidationCase> validation, Path output, boolean resume,
		ModelInfo info) {
		this(method, methodSettings, settings, network, batches, validation, output, resume, info, null);
	}
}
