package org.labelefficient.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads NIfTI-1 single files ({@code .nii}, and gzip-compressed {@code .nii.gz}, recognised by content) into a
 * {@link Volume}: datatypes uint8, int8, int16, uint16, int32, uint32, float32 and float64, either byte order,
 * scl_slope/scl_inter applied. Voxels keep their stored order (no reorientation); spacing comes from pixdim.
 */
public final class NiftiReader {

	/** Most bytes one byte of a deflate stream can expand to (the format's limit is about 1032). */
	private static final long MAX_GZIP_RATIO = 1100;
	private static final int CHUNK = 1 << 16;

	private NiftiReader() {}

	/**
	 * Reads a NIfTI-1 file.
	 *
	 * @throws BadInputException naming the file if it is missing, truncated, damaged or of an unsupported kind
	 */
	public static Volume read(Path file) {
		if (!Files.isRegularFile(file)) throw new BadInputException(file, "not found");
		try (InputStream in = open(file)) {
			NiftiHeader header = NiftiHeader.parse(readUpTo(in, NiftiHeader.SIZE), file);
			checkCapacity(file, header);
			skipFully(in, header.voxOffset() - NiftiHeader.SIZE);
			float[] data = readVoxels(in, header);
			return new Volume(data, header.width(), header.height(), header.depth(), header.spacing());
		} catch (EOFException e) {
			throw new BadInputException(file, "truncated NIfTI file (" + e.getMessage() + ")", e);
		} catch (IOException e) {
			throw new BadInputException(file, "damaged or unreadable NIfTI file: " + e.getMessage(), e);
		}
	}

	private static InputStream open(Path file) throws IOException {
		InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK);
		if (!isGzip(file)) return raw;
		try {
			return new BufferedInputStream(new GZIPInputStream(raw, CHUNK), CHUNK);
		} catch (IOException e) {
			raw.close();
			throw e;
		}
	}

	private static boolean isGzip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.read() == 0x1f && in.read() == 0x8b;
		}
	}

	/** Refuses headers that ask for more voxel data than the file can hold, before anything is allocated. */
	private static void checkCapacity(Path file, NiftiHeader header) throws IOException {
		long length = Files.size(file);
		boolean gz = isGzip(file);
		long capacity = gz ? length * MAX_GZIP_RATIO : length;
		long needed = header.voxOffset() + header.dataBytes();
		if (needed > capacity)
			throw new BadInputException(file, "truncated or damaged NIfTI file: the header describes "
				+ header.width() + "x" + header.height() + "x" + header.depth() + " voxels (" + needed
				+ " bytes) but the file " + (gz ? "can hold at most " + capacity : "has " + length) + " bytes");
	}

	private static byte[] readUpTo(InputStream in, int n) throws IOException {
		byte[] bytes = in.readNBytes(n);
		if (bytes.length < n) throw new EOFException("header has " + bytes.length + " of " + n + " bytes");
		return bytes;
	}

	private static void skipFully(InputStream in, long n) throws IOException {
		for (long left = n; left > 0;) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) throw new EOFException("file ends before the voxel data");
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private static float[] readVoxels(InputStream in, NiftiHeader header) throws IOException {
		int n = header.voxelCount();
		int bpv = header.bytesPerVoxel();
		float[] data = new float[n];
		byte[] buffer = new byte[CHUNK];
		for (int done = 0; done < n;) {
			int count = Math.min(CHUNK / bpv, n - done);
			int got = in.readNBytes(buffer, 0, count * bpv);
			if (got < count * bpv) throw new EOFException("voxel data ends after "
				+ ((long) done * bpv + got) + " of " + header.dataBytes() + " bytes");
			decode(ByteBuffer.wrap(buffer).order(header.order()), header.datatype(), data, done, count);
			done += count;
		}
		if (header.scaled()) scale(data, header.slope(), header.intercept());
		return data;
	}

	private static void decode(ByteBuffer b, int datatype, float[] out, int from, int count) {
		int to = from + count;
		switch (datatype) {
			case 2: for (int i = from; i < to; i++) out[i] = b.get() & 0xff; break;
			case 256: for (int i = from; i < to; i++) out[i] = b.get(); break;
			case 4: for (int i = from; i < to; i++) out[i] = b.getShort(); break;
			case 512: for (int i = from; i < to; i++) out[i] = b.getShort() & 0xffff; break;
			case 8: for (int i = from; i < to; i++) out[i] = b.getInt(); break;
			case 768: for (int i = from; i < to; i++) out[i] = b.getInt() & 0xffffffffL; break;
			case 16: for (int i = from; i < to; i++) out[i] = b.getFloat(); break;
			case 64: for (int i = from; i < to; i++) out[i] = (float) b.getDouble(); break;
			default: throw new IllegalStateException("datatype " + datatype + " passed the header check");
		}
	}

	private static void scale(float[] data, double slope, double intercept) {
		for (int i = 0; i < data.length; i++) data[i] = (float) (data[i] * slope + intercept);
	}
}
