package org.labelefficient.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The fields of a NIfTI-1 header that this plugin reads and writes: size, voxel type, spacing, data offset and
 * intensity scaling. {@link #parse} checks them against what the file can hold, so a corrupt header gives an error
 * instead of a huge allocation. Files are written little-endian.
 */
public record NiftiHeader(int width, int height, int depth, int datatype, double[] spacing, long voxOffset,
	double slope, double intercept, boolean bigEndian) {

	/** Size of the header in bytes; single files put the voxels at 352 (header plus 4 extension bytes). */
	public static final int SIZE = 348, DATA_OFFSET = 352;

	/** Bytes per voxel of a supported datatype code, or 0 when unsupported. */
	public static int bytesPerVoxel(int datatype) {
		return switch (datatype) {
			case 2, 256 -> 1; // uint8, int8
			case 4, 512 -> 2; // int16, uint16
			case 8, 16, 768 -> 4; // int32, float32, uint32
			case 64, 1024, 1280 -> 8; // float64, int64, uint64
			default -> 0;
		};
	}

	/** Number of voxels. */
	public long voxels() {
		return (long) width * height * depth;
	}

	/** Bytes of voxel data. */
	public long dataBytes() {
		return voxels() * bytesPerVoxel(datatype);
	}

	/**
	 * Parses and checks the first 348 bytes of a NIfTI-1 file in either byte order.
	 *
	 * @param file named in errors
	 */
	public static NiftiHeader parse(byte[] bytes, Path file) {
		if (bytes.length < SIZE) throw new BadInputException(file, "is truncated: shorter than a NIfTI-1 header");
		ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
		if (b.getInt(0) != SIZE) b.order(ByteOrder.BIG_ENDIAN);
		if (b.getInt(0) != SIZE) throw new BadInputException(file, "is not a NIfTI-1 file (header size field is not "
			+ SIZE + ")");
		int dims = b.getShort(40);
		if (dims < 1 || dims > 7) throw new BadInputException(file, "has an invalid number of dimensions " + dims);
		int[] dim = new int[8];
		for (int i = 1; i <= 7; i++)
			dim[i] = i <= dims ? b.getShort(40 + 2 * i) : 1;
		for (int i = 1; i <= dims; i++)
			if (dim[i] < 1) throw new BadInputException(file, "has an invalid size " + dim[i] + " in dimension " + i);
		for (int i = 4; i <= 7; i++)
			if (dim[i] != 1) throw new BadInputException(file, "has " + dims + " dimensions with size " + dim[i]
				+ " in dimension " + i + "; only 2D images and 3D volumes are supported");
		int datatype = b.getShort(70);
		if (bytesPerVoxel(datatype) == 0) throw new BadInputException(file, "has the unsupported NIfTI datatype "
			+ datatype);
		double[] spacing = new double[3];
		for (int i = 0; i < 3; i++) {
			double s = Math.abs(b.getFloat(80 + 4 * i));
			spacing[i] = i < dims && s > 0 && Double.isFinite(s) ? s : 1;
		}
		float offset = b.getFloat(108);
		if (!(offset >= 0) || offset > Integer.MAX_VALUE) throw new BadInputException(file,
			"has an invalid data offset " + offset);
		double slope = b.getFloat(112), intercept = b.getFloat(116);
		if (!Double.isFinite(slope) || slope == 0) {
			slope = 1;
			intercept = 0;
		}
		if (!Double.isFinite(intercept)) intercept = 0;
		String magic = new String(bytes, 344, 3, StandardCharsets.US_ASCII);
		if (!magic.equals("n+1") && !magic.equals("ni1")) throw new BadInputException(file,
			"is not a NIfTI-1 file (magic '" + magic.trim() + "')");
		if (magic.equals("ni1")) throw new BadInputException(file,
			"is a NIfTI header/image pair (.hdr/.img); convert it to a single .nii file");
		return new NiftiHeader(dim[1], dim[2], dim[3], datatype, spacing, Math.max((long) offset, SIZE), slope,
			intercept, b.order() == ByteOrder.BIG_ENDIAN);
	}

	/** The header of a single-file NIfTI-1 in little-endian order, with voxel data at {@link #DATA_OFFSET}. */
	public byte[] toBytes() {
		ByteBuffer b = ByteBuffer.allocate(DATA_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, SIZE);
		b.putShort(40, (short) (depth > 1 ? 3 : 2));
		b.putShort(42, (short) width);
		b.putShort(44, (short) height);
		b.putShort(46, (short) depth);
		for (int i = 4; i <= 7; i++)
			b.putShort(40 + 2 * i, (short) 1);
		b.putShort(70, (short) datatype);
		b.putShort(72, (short) (8 * bytesPerVoxel(datatype)));
		b.putFloat(76, 1); // qfac
		for (int i = 0; i < 3; i++)
			b.putFloat(80 + 4 * i, (float) spacing[i]);
		b.putFloat(108, DATA_OFFSET);
		b.putFloat(112, (float) slope);
		b.putFloat(116, (float) intercept);
		b.put(123, (byte) 10); // xyzt_units: millimetres, seconds
		b.putShort(252, (short) 1); // qform_code: scanner, identity rotation scaled by pixdim
		b.putShort(254, (short) 1); // sform_code
		b.putFloat(280, (float) spacing[0]);
		b.putFloat(300, (float) spacing[1]);
		b.putFloat(320, (float) spacing[2]);
		b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		return b.array();
	}

	/** A header for writing {@code volume} with datatype {@code type} and no intensity scaling. */
	public static NiftiHeader forVolume(Volume volume, VoxelType type) {
		if (volume.width() > Short.MAX_VALUE || volume.height() > Short.MAX_VALUE || volume.depth() > Short.MAX_VALUE)
			throw new IllegalArgumentException("NIfTI-1 sizes are limited to 32767 voxels per dimension: " + volume);
		return new NiftiHeader(volume.width(), volume.height(), volume.depth(), type.niftiCode, volume.spacing(),
			DATA_OFFSET, 1, 0, false);
	}
}
