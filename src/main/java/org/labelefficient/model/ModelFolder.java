package org.labelefficient.model;

import java.nio.file.Path;

/**
 * The layout of a model folder: {@code model.json}, {@code best/} (SavedModel with the best validation Dice, or the
 * final weights when there was no validation set), {@code latest/} (SavedModel of the last save) and
 * {@code checkpoint/} (the full training state, for resuming).
 */
public final class ModelFolder {

	private ModelFolder() {}

	public static Path best(Path model) {
		return model.resolve("best");
	}

	public static Path latest(Path model) {
		return model.resolve("latest");
	}

	public static Path checkpoint(Path model) {
		return model.resolve("checkpoint");
	}
}
