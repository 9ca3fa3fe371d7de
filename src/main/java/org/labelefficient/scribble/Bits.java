package org.labelefficient.scribble;

/** Element-wise operations on the bit arrays behind {@link SliceMask} and {@link VolumeMask}. */
final class Bits {

	private Bits() {}

	static int count(boolean[] bits) {
		int n = 0;
		for (boolean b : bits)
			if (b) n++;
		return n;
	}

	static boolean none(boolean[] bits) {
		for (boolean b : bits)
			if (b) return false;
		return true;
	}

	/** {@code a && b}, or {@code a && !b} when {@code negateB}. */
	static boolean[] and(boolean[] a, boolean[] b, boolean negateB) {
		boolean[] out = new boolean[a.length];
		for (int i = 0; i < out.length; i++)
			out[i] = a[i] && (b[i] != negateB);
		return out;
	}
}
