package org.labelefficient.metrics;

import org.labelefficient.io.Volume;

/** Builds small masks and label volumes for the metric tests. */
final class MaskFixtures {

	private MaskFixtures() {}

	/** A mask with the box [x0, x1) x [y0, y1) x [z0, z1) set. */
	static Mask box(int w, int h, int d, int x0, int x1, int y0, int y1, int z0, int z1) {
		Mask m = Mask.empty(w, h, d);
		for (int z = z0; z < z1; z++)
			for (int y = y0; y < y1; y++)
				for (int x = x0; x < x1; x++)
					m.voxels()[x + w * (y + h * z)] = true;
		return m;
	}

	/** A label volume from a mask (1 inside) with the given spacing. */
	static Volume labels(Mask m, double... spacing) {
		float[] data = new float[m.voxels().length];
		for (int i = 0; i < data.length; i++)
			data[i] = m.voxels()[i] ? 1 : 0;
		return new Volume(data, m.width(), m.height(), m.depth(), spacing.length == 3 ? spacing : new double[] { 1,
			1, 1 });
	}

	/** A label volume from a string of digits, x fastest. */
	static Volume digits(String s, int w, int h, int d, double[] spacing) {
		float[] data = new float[s.length()];
		for (int i = 0; i < data.length; i++)
			data[i] = s.charAt(i) - '0';
		return new Volume(data, w, h, d, spacing);
	}
}
