package org.labelefficient.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Volume} as a little-endian NIfTI-1 single file, gzip-compressed when the name ends in
 * {@code .gz}. Every {@link VoxelType} is supported; integer types round and clamp (see {@link VoxelType#fit}).
 * The file is written atomically ({@link AtomicFiles}).
 */
public final class NiftiWriter {

	private static final int CHUNK = 1 << 16;

	private NiftiWriter() {}

	/**
	 * Writes {@code volume} to {@code file} stored as {@code type}.
	 *
	 * @throws BadInputException naming the file if it cannot be written or a size exceeds 32767
	 */
	public static void write(Volume volume, Path file, VoxelType type) {
		NiftiHeader header = NiftiHeader.forVolume(volume, type);
		header.checkWritable(file);
		boolean gzip = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
		AtomicFiles.write(file, out -> {
			OutputStream target = gzip ? new GZIPOutputStream(out, CHUNK) : out;
			target.write(header.toBytes());
			writeVoxels(volume.data(), type, target);
			if (gzip) ((GZIPOutputStream) target).finish();
		});
	}

	private static void writeVoxels(float[] data, VoxelType type, OutputStream out) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : data) {
			if (b.remaining() < type.bytes) flush(b, out);
			put(b, type, type.fit(v));
		}
		flush(b, out);
	}

	private static void put(ByteBuffer b, VoxelType type, double v) {
		switch (type) {
			case UINT8: b.put((byte) (int) v); break;
			case INT16: case UINT16: b.putShort((short) (int) v); break;
			case INT32: b.putInt((int) v); break;
			case FLOAT32: b.putFloat((float) v); break;
			case FLOAT64: b.putDouble(v); break;
			default: throw new IllegalStateException("unknown voxel type " + type);
		}
	}

	private static void flush(ByteBuffer b, OutputStream out) throws IOException {
		out.write(b.array(), 0, b.position());
		b.clear();
	}
}
