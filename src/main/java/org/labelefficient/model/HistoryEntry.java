package org.labelefficient.model;

/** One validation point of a run: iteration, mean training loss since the previous point, validation mean Dice. */
public record HistoryEntry(int iteration, double loss, double validationDice) {}
