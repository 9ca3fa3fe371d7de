package org.labelefficient.infer;

import java.util.List;

import org.labelefficient.io.Volume;

/** The result of segmenting an image: the label image and, when asked for, one probability map per class. */
public record Segmentation(Volume labels, List<Volume> probabilities) {}
