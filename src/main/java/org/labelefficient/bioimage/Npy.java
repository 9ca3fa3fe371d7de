package org.labelefficient.bioimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format, version 1.0, for the test tensors of a bioimage.io package: writes little-endian
 * float32 arrays in C order, reads float32, float64, uint8, int32 and int64 arrays (C order) as floats. The shape is
 * kept as NumPy writes it, slowest axis first.
 */
public final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };
	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
	private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	/** An array read from or written to a {@code .npy} file: its NumPy dtype, shape and values. */
	public record Array(String dtype, long[] shape, float[] data) {

		/** Checks that the shape holds exactly the values. */
		public Array {
			if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != data.length)
				throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length
					+ " values");
		}
	}

	private Npy() {}

	/** Writes {@code data} as a float32 array of the given shape (C order, slowest axis first). */
	public static void writeFloat32(OutputStream out, long[] shape, float[] data) throws IOException {
		new Array("<f4", shape, data); // checks the size
		String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
		String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "")
			+ "), }";
		int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
		header += " ".repeat((64 - unpadded % 64) % 64) + "\n";
		ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN);
		head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
		out.write(head.array());
		out.write(header.getBytes(StandardCharsets.US_ASCII));
		ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		body.asFloatBuffer().put(data);
		out.write(body.array());
	}

	/** The bytes of a float32 {@code .npy} file. */
	public static byte[] float32(long[] shape, float[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writeFloat32(out, shape, data);
		}
		catch (IOException e) {
			throw new IllegalStateException(e); // a byte array stream does not fail
		}
		return out.toByteArray();
	}

	/**
	 * Reads a {@code .npy} file's bytes.
	 *
	 * @throws IllegalArgumentException with one sentence saying what is wrong (the caller names the file)
	 */
	public static Array read(byte[] bytes) {
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC))
			throw new IllegalArgumentException("is not a NumPy .npy file (no \\x93NUMPY magic)");
		int major = bytes[6];
		b.position(8);
		int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
		if (b.position() + headerLength > bytes.length) throw new IllegalArgumentException("is truncated");
		String header = new String(bytes, b.position(), headerLength, StandardCharsets.ISO_8859_1);
		b.position(b.position() + headerLength);
		String dtype = group(DESCR, header, "descr");
		if (group(FORTRAN, header, "fortran_order").equals("True"))
			throw new IllegalArgumentException("is in Fortran order; only C order is read");
		long[] shape = Arrays.stream(group(SHAPE, header, "shape").split(",")).map(String::trim).filter(s -> !s
			.isEmpty()).mapToLong(Long::parseLong).toArray();
		int n = Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
		int size = switch (dtype.substring(1)) {
			case "f4", "i4" -> 4;
			case "f8", "i8" -> 8;
			case "u1" -> 1;
			default -> throw new IllegalArgumentException("has dtype " + dtype
				+ "; float32, float64, uint8, int32 and int64 are read");
		};
		if (dtype.charAt(0) == '>' && size > 1) b.order(ByteOrder.BIG_ENDIAN);
		if (b.remaining() < (long) n * size) throw new IllegalArgumentException("is truncated: shape "
			+ Arrays.toString(shape) + " needs " + (long) n * size + " bytes of data, found " + b.remaining());
		float[] data = new float[n];
		for (int i = 0; i < n; i++)
			data[i] = switch (dtype.substring(1)) {
				case "f4" -> b.getFloat();
				case "f8" -> (float) b.getDouble();
				case "i4" -> b.getInt();
				case "i8" -> b.getLong();
				default -> Byte.toUnsignedInt(b.get());
			};
		return new Array(dtype, shape, data);
	}

	private static String group(Pattern p, String header, String key) {
		Matcher m = p.matcher(header);
		if (!m.find()) throw new IllegalArgumentException("has no '" + key + "' in its header");
		return m.group(1);
	}
}
