package org.labelefficient.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Volume} as a single-file NIfTI-1 ({@code .nii}, or gzip-compressed {@code .nii.gz}) with the voxel
 * type chosen by the caller; integer types round and clamp to their range. Spacing goes to {@code pixdim} and to an
 * axis-aligned qform/sform.
 */
public final class NiftiWriter {

	private NiftiWriter() {}

	/** Writes {@code volume} to {@code file} (not atomically; see {@link VolumeIO#write}). */
	public static void write(Volume volume, Path file, VoxelType type) throws IOException {
		NiftiHeader h = NiftiHeader.forVolume(volume, type);
		try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16); OutputStream out = file
			.toString().toLowerCase().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
			out.write(h.toBytes());
			out.write(encode(volume.data(), type));
		}
	}

	private static byte[] encode(float[] d, VoxelType type) {
		int size = NiftiHeader.bytesPerVoxel(type.niftiCode);
		ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(d.length, size)).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < d.length; i++) {
			float v = d[i];
			switch (type) {
				case UINT8 -> b.put(i, (byte) clamp(v, 0, 255));
				case INT16 -> b.putShort(2 * i, (short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
				case UINT16 -> b.putShort(2 * i, (short) clamp(v, 0, 65535));
				case INT32 -> b.putInt(4 * i, (int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
				case FLOAT32 -> b.putFloat(4 * i, v);
				case FLOAT64 -> b.putDouble(8 * i, v);
			}
		}
		return b.array();
	}

	/** Rounds and clamps to [min, max]; NaN becomes 0. */
	static long clamp(float v, long min, long max) {
		if (Float.isNaN(v)) return 0;
		return Math.max(min, Math.min(max, Math.round((double) v)));
	}
}
