package org.labelefficient.data;

/**
 * One training batch as fed to the graph: {@code images} {@code [size, patch, patch]} row-major and {@code labels}
 * of the same layout (class values, -1 where unlabelled); for 3D patches {@code [size, z, y, x]}.
 *
 * @param patchSize the in-plane patch edge
 * @param shape the spatial shape of one sample: {@code {patch, patch}}, or {@code {z, y, x}} for a 3D batch
 */
public record Batch(float[] images, int[] labels, int size, int patchSize, int[] shape) {

	/** A batch of square 2D patches. */
	public Batch(float[] images, int[] labels, int size, int patchSize) {
		this(images, labels, size, patchSize, new int[] { patchSize, patchSize });
	}

	/** Whether the samples are 3D patches. */
	public boolean volumetric() {
		return shape.length == 3;
	}

	/** The tensor shape of the images, {@code [size, spatial..., 1]}. */
	public long[] imageShape() {
		long[] s = new long[shape.length + 2];
		s[0] = size;
		for (int a = 0; a < shape.length; a++)
			s[a + 1] = shape[a];
		s[s.length - 1] = 1;
		return s;
	}

	/** The tensor shape of the labels, {@code [size, spatial...]}. */
	public long[] labelShape() {
		long[] s = imageShape();
		return java.util.Arrays.copyOf(s, s.length - 1);
	}
}
