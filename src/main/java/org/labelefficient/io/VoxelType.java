package org.labelefficient.io;

/** Voxel storage types for writing (NIfTI datatype codes; ImageJ supports UINT8, UINT16 and FLOAT32). */
public enum VoxelType {
	UINT8(2, 1, 0, 255), INT16(4, 2, Short.MIN_VALUE, Short.MAX_VALUE),
	INT32(8, 4, Integer.MIN_VALUE, Integer.MAX_VALUE), FLOAT32(16, 4, Double.NaN, Double.NaN),
	FLOAT64(64, 8, Double.NaN, Double.NaN), UINT16(512, 2, 0, 65535);

	/** The NIfTI-1 datatype code. */
	public final int niftiCode;

	/** Bytes per stored voxel. */
	public final int bytes;

	private final double min;
	private final double max;

	VoxelType(int niftiCode, int bytes, double min, double max) {
		this.niftiCode = niftiCode;
		this.bytes = bytes;
		this.min = min;
		this.max = max;
	}

	/** The smallest ImageJ label type (8 or 16 bit) that holds the values 0 to {@code max}. */
	public static VoxelType holding(int max) {
		return max <= 255 ? UINT8 : UINT16;
	}

	/** True for the integer types, whose stored values are rounded and clamped. */
	public boolean isInteger() {
		return !Double.isNaN(min);
	}

	/**
	 * The value as this type stores it: integer types round half up and clamp to their range (NaN becomes 0);
	 * FLOAT32 rounds to float; FLOAT64 keeps the value.
	 */
	public double fit(double value) {
		if (this == FLOAT32) return (float) value;
		if (!isInteger()) return value;
		if (Double.isNaN(value)) return 0;
		return Math.max(min, Math.min(max, Math.floor(value + 0.5)));
	}
}
