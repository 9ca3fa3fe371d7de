package org.labelefficient.data;

import org.labelefficient.io.Volume;

/**
 * A case as read from a dataset, before checks and normalisation.
 *
 * @param source where the image was read from, for error messages
 * @param label dense labels or null
 * @param scribble scribbles or null
 * @param labelSource where the labels were read from
 * @param scribbleSource where the scribbles were read from
 */
public record RawCase(String name, String source, Volume image, Volume label, Volume scribble, String labelSource,
	String scribbleSource) {}
