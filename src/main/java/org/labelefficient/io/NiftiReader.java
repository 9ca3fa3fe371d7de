package org.labelefficient.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads single-file NIfTI-1 images ({@code .nii}, {@code .nii.gz}) of any integer or float voxel type into a
 * {@link Volume}, applying {@code scl_slope}/{@code scl_inter} and taking the spacing from {@code pixdim}. Reads no
 * more than the file holds: a truncated or corrupt file gives a {@link BadInputException}.
 */
public final class NiftiReader {

	private NiftiReader() {}

	/** Reads a {@code .nii} or {@code .nii.gz} file. */
	public static Volume read(Path file) {
		try (InputStream in = open(file)) {
			NiftiHeader h = NiftiHeader.parse(in.readNBytes(NiftiHeader.SIZE), file);
			if (h.dataBytes() > Integer.MAX_VALUE - 64) throw new BadInputException(file, "declares " + h.width()
				+ "x" + h.height() + "x" + h.depth() + " voxels, more than can be read into memory");
			if (!file.toString().endsWith(".gz") && h.voxOffset() + h.dataBytes() > Files.size(file))
				throw new BadInputException(file, "is truncated: the header declares " + h.dataBytes()
					+ " bytes of voxels but the file is only " + Files.size(file) + " bytes long");
			in.skipNBytes(h.voxOffset() - NiftiHeader.SIZE);
			byte[] data = in.readNBytes((int) h.dataBytes());
			if (data.length < h.dataBytes()) throw new BadInputException(file, "is truncated: " + data.length + " of "
				+ h.dataBytes() + " bytes of voxel data");
			return new Volume(decode(data, h), h.width(), h.height(), h.depth(), h.spacing());
		}
		catch (ZipException | EOFException e) {
			throw new BadInputException(file, "is truncated or not a valid gzip file (" + e.getMessage() + ")", e);
		}
		catch (IOException e) {
			throw new BadInputException(file, "cannot be read (" + e.getMessage() + ")", e);
		}
	}

	private static InputStream open(Path file) throws IOException {
		InputStream raw = Files.newInputStream(file);
		return file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
	}

	private static float[] decode(byte[] data, NiftiHeader h) {
		ByteBuffer b = ByteBuffer.wrap(data).order(h.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		int n = (int) h.voxels();
		float[] out = new float[n];
		double slope = h.slope(), inter = h.intercept();
		for (int i = 0; i < n; i++)
			out[i] = (float) (value(b, h.datatype(), i) * slope + inter);
		return out;
	}

	private static double value(ByteBuffer b, int datatype, int i) {
		return switch (datatype) {
			case 2 -> b.get(i) & 0xFF;
			case 256 -> b.get(i);
			case 4 -> b.getShort(2 * i);
			case 512 -> b.getShort(2 * i) & 0xFFFF;
			case 8 -> b.getInt(4 * i);
			case 768 -> b.getInt(4 * i) & 0xFFFFFFFFL;
			case 16 -> b.getFloat(4 * i);
			case 64 -> b.getDouble(8 * i);
			case 1024, 1280 -> b.getLong(8 * i);
			default -> throw new IllegalStateException("datatype " + datatype);
		};
	}
}
