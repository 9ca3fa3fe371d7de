package org.labelefficient.data;

import org.labelefficient.io.Volume;

/**
 * A case as read from a dataset, before checks and normalisation.
 *
 * @param source where it was read from, for error messages
 * @param label dense labels or null
 * @param scribble scribbles or null
 */
public record RawCase(String name, String source, Volume image, Volume label, Volume scribble) {}
