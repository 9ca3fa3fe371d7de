package org.labelefficient.model;

import java.io.IOException;
import java.nio.file.Path;

import org.labelefficient.io.AtomicFiles;

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

	/**
	 * Puts back any part left renamed aside by a process killed while replacing it (see
	 * {@link AtomicFiles#replaceDirectory}), so that the last complete best, latest and checkpoint folders are found.
	 */
	public static void recover(Path model) throws IOException {
		for (Path part : new Path[] { best(model), latest(model), checkpoint(model) })
			AtomicFiles.recoverDirectory(part);
	}
}
