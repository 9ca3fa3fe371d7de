package org.labelefficient.io;

/** Voxel storage types for writing (NIfTI datatype codes; ImageJ supports UINT8, UINT16 and FLOAT32). */
public enum VoxelType {
	UINT8(2), INT16(4), INT32(8), FLOAT32(16), FLOAT64(64), UINT16(512);

	/** The NIfTI-1 datatype code. */
	public final int niftiCode;

	VoxelType(int niftiCode) {
		this.niftiCode = niftiCode;
	}
}
