package org.labelefficient.train;

/**
 * One validation point of a run: iteration, mean training loss since the previous point, validation mean Dice, and the
 * seconds spent in training steps up to that point (for learning curves against compute time).
 */
public record HistoryEntry(int iteration, double loss, double validationDice, double seconds) {}
