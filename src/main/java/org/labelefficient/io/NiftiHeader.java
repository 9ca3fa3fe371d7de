package org.labelefficient.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The fields of a NIfTI-1 header that this project uses: size, datatype, voxel spacing, data offset and intensity
 * scaling. {@link #parse} reads the 348-byte header in either byte order and checks it; {@link #toBytes} writes a
 * little-endian single-file ({@code n+1}) header with its 4-byte extension flag.
 */
public final class NiftiHeader {

	/** Size of the NIfTI-1 header in bytes. */
	public static final int SIZE = 348;
	/** Offset of the voxel data in the files that {@link #toBytes} describes (header plus extension flag). */
	public static final int DATA_OFFSET = 352;

	private static final int MAX_VOXELS = Integer.MAX_VALUE - 8;

	private final int width;
	private final int height;
	private final int depth;
	private final int datatype;
	private final int bitpix;
	private final double[] spacing;
	private final long voxOffset;
	private final double slope;
	private final double intercept;
	private final ByteOrder order;

	private NiftiHeader(int[] size, int datatype, int bitpix, double[] spacing, long voxOffset, double slope,
		double intercept, ByteOrder order) {
		this.width = size[0];
		this.height = size[1];
		this.depth = size[2];
		this.datatype = datatype;
		this.bitpix = bitpix;
		this.spacing = spacing.clone();
		this.voxOffset = voxOffset;
		this.slope = slope;
		this.intercept = intercept;
		this.order = order;
	}

	/** The header that {@link NiftiWriter} writes for {@code volume} stored as {@code type}. */
	public static NiftiHeader forVolume(Volume volume, VoxelType type) {
		return new NiftiHeader(new int[] { volume.width(), volume.height(), volume.depth() }, type.niftiCode,
			8 * type.bytes, volume.spacing(), DATA_OFFSET, 0, 0, ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * Parses and checks a header. {@code bytes} holds at least the first {@value #SIZE} bytes of {@code file}.
	 *
	 * @throws BadInputException if the header is not a single-file NIfTI-1 header, or its size, datatype or data
	 *         offset make no sense
	 */
	public static NiftiHeader parse(byte[] bytes, Path file) {
		if (bytes.length < SIZE) throw new BadInputException(file, "truncated NIfTI header (" + bytes.length
			+ " of " + SIZE + " bytes)");
		ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(byteOrder(bytes, file));
		checkMagic(bytes, file);
		int dataType = b.getShort(70);
		if (bytesPerVoxel(dataType) == 0)
			throw new BadInputException(file, "unsupported NIfTI datatype " + dataType
				+ " (supported: uint8, int8, int16, uint16, int32, uint32, float32, float64)");
		int[] size = size(b, file);
		float offset = b.getFloat(108);
		if (!(offset >= SIZE && offset < Long.MAX_VALUE) || offset != Math.floor(offset))
			throw new BadInputException(file, "bad NIfTI vox_offset " + offset);
		double[] spacing = { spacing(b.getFloat(80)), spacing(b.getFloat(84)), spacing(b.getFloat(88)) };
		double slope = b.getFloat(112);
		double inter = b.getFloat(116);
		if (!Double.isFinite(slope) || !Double.isFinite(inter)) slope = 0;
		return new NiftiHeader(size, dataType, b.getShort(72), spacing, (long) offset, slope, slope == 0 ? 0 : inter,
			b.order());
	}

	private static ByteOrder byteOrder(byte[] bytes, Path file) {
		ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE);
		if (b.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == SIZE) return ByteOrder.LITTLE_ENDIAN;
		if (b.order(ByteOrder.BIG_ENDIAN).getInt(0) == SIZE) return ByteOrder.BIG_ENDIAN;
		throw new BadInputException(file, "not a NIfTI-1 file (header size field is not 348)");
	}

	private static void checkMagic(byte[] bytes, Path file) {
		String magic = new String(bytes, 344, 3, StandardCharsets.ISO_8859_1);
		if (magic.equals("ni1"))
			throw new BadInputException(file, "NIfTI header/image pairs (.hdr/.img) are not supported; use .nii");
		if (!magic.equals("n+1") || bytes[347] != 0)
			throw new BadInputException(file, "not a NIfTI-1 file (magic is not \"n+1\")");
	}

	private static int[] size(ByteBuffer b, Path file) {
		int rank = b.getShort(40);
		if (rank < 1 || rank > 7) throw new BadInputException(file, "bad NIfTI dimension count " + rank
			+ " (must be 1 to 7)");
		int[] dims = new int[rank];
		for (int i = 0; i < rank; i++) {
			dims[i] = b.getShort(42 + 2 * i);
			if (dims[i] < 1) throw new BadInputException(file, "bad NIfTI size dim[" + (i + 1) + "] = " + dims[i]);
		}
		for (int i = 3; i < rank; i++)
			if (dims[i] != 1) throw new BadInputException(file, "NIfTI image has " + rank + " dimensions with dim["
				+ (i + 1) + "] = " + dims[i] + "; only 2D and 3D images (time series of length 1) are supported");
		int[] size = { dims[0], rank > 1 ? dims[1] : 1, rank > 2 ? dims[2] : 1 };
		if ((long) size[0] * size[1] * size[2] > MAX_VOXELS)
			throw new BadInputException(file, "NIfTI image of " + size[0] + "x" + size[1] + "x" + size[2]
				+ " voxels is too large");
		return size;
	}

	private static double spacing(float pixdim) {
		double s = Math.abs(pixdim);
		return s > 0 && Double.isFinite(s) ? s : 1;
	}

	/** Bytes per voxel of a NIfTI datatype code, or 0 for the ones not supported. */
	static int bytesPerVoxel(int datatype) {
		switch (datatype) {
			case 2: case 256: return 1; // uint8, int8
			case 4: case 512: return 2; // int16, uint16
			case 8: case 768: case 16: return 4; // int32, uint32, float32
			case 64: return 8; // float64
			default: return 0;
		}
	}

	/**
	 * The header as {@value #DATA_OFFSET} little-endian bytes: sizes, datatype, pixdim from the spacing, mm units,
	 * qform and sform both the identity scaled by the spacing, no intensity scaling, magic {@code n+1}, no extensions.
	 */
	public byte[] toBytes() {
		ByteBuffer b = ByteBuffer.allocate(DATA_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, SIZE);
		b.put(38, (byte) 'r');
		short[] dim = { (short) (depth > 1 ? 3 : 2), (short) width, (short) height, (short) depth, 1, 1, 1, 1 };
		for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, dim[i]);
		b.putShort(70, (short) datatype);
		b.putShort(72, (short) bitpix);
		float[] pixdim = { 1, (float) spacing[0], (float) spacing[1], (float) spacing[2], 1, 1, 1, 1 };
		for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, pixdim[i]);
		b.putFloat(108, voxOffset);
		b.put(123, (byte) 2); // xyzt_units: mm
		b.putShort(252, (short) 1); // qform_code: scanner; quaternion 0 = identity, qfac pixdim[0] = 1
		b.putShort(254, (short) 1); // sform_code: scanner
		for (int row = 0; row < 3; row++) b.putFloat(280 + 16 * row + 4 * row, (float) spacing[row]);
		b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
		return b.array();
	}

	/** Checks that the sizes fit NIfTI-1's 16-bit dim fields. */
	void checkWritable(Path file) {
		if (width > Short.MAX_VALUE || height > Short.MAX_VALUE || depth > Short.MAX_VALUE)
			throw new BadInputException(file, "NIfTI-1 sizes are at most 32767; volume is " + width + "x" + height
				+ "x" + depth);
	}

	/** Size along x. */
	public int width() {
		return width;
	}

	/** Size along y. */
	public int height() {
		return height;
	}

	/** Size along z (1 for a 2D image). */
	public int depth() {
		return depth;
	}

	/** Number of voxels. */
	public int voxelCount() {
		return width * height * depth;
	}

	/** The NIfTI datatype code. */
	public int datatype() {
		return datatype;
	}

	/** The bitpix field as stored (the reader goes by {@link #datatype()}). */
	public int bitpix() {
		return bitpix;
	}

	/** Bytes per voxel of the datatype. */
	public int bytesPerVoxel() {
		return bytesPerVoxel(datatype);
	}

	/** Bytes of voxel data. */
	public long dataBytes() {
		return (long) voxelCount() * bytesPerVoxel();
	}

	/** Voxel spacing {x, y, z} from pixdim[1..3]; absent, zero or invalid values read as 1. */
	public double[] spacing() {
		return spacing.clone();
	}

	/** Offset of the voxel data in the file. */
	public long voxOffset() {
		return voxOffset;
	}

	/** True when scl_slope asks for intensity scaling (it is a finite non-zero number). */
	public boolean scaled() {
		return slope != 0;
	}

	/** The scl_slope field (0 when no scaling applies). */
	public double slope() {
		return slope;
	}

	/** The scl_inter field (0 when no scaling applies). */
	public double intercept() {
		return intercept;
	}

	/** Byte order of the header and data. */
	public ByteOrder order() {
		return order;
	}
}
