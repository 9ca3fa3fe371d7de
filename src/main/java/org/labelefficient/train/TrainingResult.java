package org.labelefficient.train;

import java.nio.file.Path;

/**
 * How a run ended: iterations done, whether it was cancelled, best validation Dice (NaN without validation), and the
 * validation Dice it started from: of the starting weights of a warm start, of the best model so far when training is
 * continued, NaN for a run from scratch.
 */
public record TrainingResult(Path model, int iterationsDone, boolean cancelled, double bestDice, int bestIteration,
	double seconds, double startDice) {}
