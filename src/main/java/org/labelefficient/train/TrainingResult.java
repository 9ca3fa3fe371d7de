package org.labelefficient.train;

import java.nio.file.Path;

/** How a run ended: iterations done, whether it was cancelled, best validation Dice (NaN without validation). */
public record TrainingResult(Path model, int iterationsDone, boolean cancelled, double bestDice, int bestIteration,
	double seconds) {}
