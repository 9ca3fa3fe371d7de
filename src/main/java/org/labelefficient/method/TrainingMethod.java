package org.labelefficient.method;

import java.nio.file.Path;
import java.util.List;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;

/**
 * A training method: what batches it needs and how its graph turns them into weight updates. The training loop
 * (sampling, schedules, validation, checkpoints) is the same for every method, so a new method only implements this
 * interface and registers in {@link Methods}.
 */
public interface TrainingMethod {

	/** The id used in options ({@code method=...}). */
	String id();

	/** One line for help texts. */
	String summary();

	/** Whether the method needs deep-supervision heads on the U-Net. */
	default boolean deepSupervision() {
		return false;
	}

	/** How many decoders the U-Net shares its encoder with (2 for dual-branch methods). */
	default int decoders() {
		return 1;
	}

	/**
	 * Whether the method trains a 3D U-Net on volumes ({@code dimensions=3}); methods whose extra heads are built for
	 * 2D feature maps say no and are refused before the data is read.
	 */
	default boolean volumetric() {
		return false;
	}

	/** The composition of a batch of {@code batchSize} samples. */
	BatchPlan batchPlan(int batchSize);

	/** The declarations of the method's own settings: defaults, ranges, descriptions. */
	List<Setting<?>> settings();

	/**
	 * Checks what depends on several settings (each value is already checked by its declaration) against the batch
	 * plan, the patch size and the model the run starts from ({@code null}: none), before any data is read; a problem
	 * is a {@link org.labelefficient.io.BadInputException} in one plain sentence.
	 */
	default void check(SettingValues settings, BatchPlan plan, int patchSize, Path initModel) {}

	/** Builds the training graph. */
	MethodGraph build(MethodContext context);
}
