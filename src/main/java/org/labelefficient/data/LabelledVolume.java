package org.labelefficient.data;

import org.labelefficient.io.Volume;

/** A normalised image volume with its dense reference labels, used for validation. */
public record LabelledVolume(String name, Volume image, Volume label) {}
