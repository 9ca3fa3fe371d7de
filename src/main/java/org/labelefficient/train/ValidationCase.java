package org.labelefficient.train;

import org.labelefficient.io.Volume;

/** A validation volume: normalised image and dense reference labels of the same size. */
public record ValidationCase(String name, Volume image, Volume label) {}
