package org.labelefficient.data;

/**
 * One training batch as fed to the graph: {@code images} {@code [size, patch, patch]} row-major and {@code labels}
 * of the same layout (class values, -1 where unlabelled).
 */
public record Batch(float[] images, int[] labels, int size, int patchSize) {}
