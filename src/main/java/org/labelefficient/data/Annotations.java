package org.labelefficient.data;

import java.util.Random;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;

/**
 * Checks and converts label and scribble volumes: dense labels hold the classes 0..K-1; scribbles hold a class or the
 * dataset's unlabelled value. Converted annotations are bytes per voxel with {@link #UNLABELLED} where there is no
 * annotation.
 */
public final class Annotations {

	/** The byte value of a voxel without annotation. */
	public static final byte UNLABELLED = -1;
	/** The largest number of classes the compact byte encoding holds. */
	public static final int MAX_CLASSES = 127;

	private Annotations() {}

	/** The largest class value in a label volume, or of a scribble volume ignoring {@code unlabelled} (-1 if none). */
	public static int maxClass(Volume v, int unlabelled, String source) {
		int max = -1;
		for (float f : v.data()) {
			if (f == unlabelled) continue;
			checkInteger(f, source);
			max = Math.max(max, (int) f);
		}
		return max;
	}

	/** Dense labels as bytes; every voxel must be a class 0..numClasses-1. */
	public static byte[] dense(Volume label, int numClasses, String source) {
		return convert(label, numClasses, Integer.MIN_VALUE, source, "label");
	}

	/** Scribbles as bytes; every voxel must be a class or {@code unlabelled}. */
	public static byte[] scribble(Volume scribble, int numClasses, int unlabelled, String source) {
		return convert(scribble, numClasses, unlabelled, source, "scribble");
	}

	/**
	 * Marks as background (class 0) unannotated pixels of each slice of a converted scribble volume that lie more than
	 * {@code margin} pixels outside the axis-aligned box around the slice's foreground strokes (classes 1 and up, class
	 * 0 being the background): as many of them as the slice has annotated pixels (or all, if fewer), drawn by
	 * {@code random}, so that the implied background weighs in a partial cross-entropy about as much as the strokes
	 * (marking all of them, 80 times the strokes on ACDC, made the network under-segment). Slices without a foreground
	 * stroke and every annotated pixel stay as they are. The scribbles of one object per image (an organ) imply this
	 * background: ACDC's strokes leave 90% of each slice unannotated, where a network trained on crops learns nothing
	 * and predicts far false positives. Returns how many pixels became background.
	 */
	public static long backgroundOutsideStrokes(byte[] scribble, int width, int height, int margin, Random random) {
		int n = width * height;
		long marked = 0;
		int[] outside = new int[n];
		for (int z = 0; z < scribble.length / n; z++) {
			int x0 = width, x1 = -1, y0 = height, y1 = -1, strokes = 0;
			for (int i = 0; i < n; i++) {
				byte b = scribble[z * n + i];
				if (b != UNLABELLED) strokes++;
				if (b > 0) {
					int x = i % width, y = i / width;
					x0 = Math.min(x0, x);
					x1 = Math.max(x1, x);
					y0 = Math.min(y0, y);
					y1 = Math.max(y1, y);
				}
			}
			if (x1 < 0) continue;
			int count = 0;
			for (int i = 0; i < n; i++) {
				int x = i % width, y = i / width;
				if ((x < x0 - margin || x > x1 + margin || y < y0 - margin || y > y1 + margin) && scribble[z * n
					+ i] == UNLABELLED) outside[count++] = i;
			}
			int k = Math.min(strokes, count);
			for (int j = 0; j < k; j++) { // the first k of a partial Fisher-Yates shuffle
				int r = j + random.nextInt(count - j), pick = outside[r];
				outside[r] = outside[j];
				scribble[z * n + pick] = 0;
			}
			marked += k;
		}
		return marked;
	}

	/** Voxel counts per class of a converted annotation. */
	public static long[] classCounts(byte[] annotation, int numClasses) {
		long[] counts = new long[numClasses];
		for (byte b : annotation)
			if (b >= 0) counts[b]++;
		return counts;
	}

	private static byte[] convert(Volume v, int numClasses, int unlabelled, String source, String kind) {
		float[] d = v.data();
		byte[] out = new byte[d.length];
		for (int i = 0; i < d.length; i++) {
			float f = d[i];
			if (f == unlabelled) {
				out[i] = UNLABELLED;
				continue;
			}
			checkInteger(f, source);
			if (f < 0 || f >= numClasses) throw new BadInputException(source + ": " + kind + " value " + (long) f
				+ " is outside the classes 0.." + (numClasses - 1) + (unlabelled == Integer.MIN_VALUE ? ""
					: " and is not the unlabelled value " + unlabelled + " (set " + DatasetSettings.UNLABELLED_VALUE.key()
						+ "=" + (long) f + " if it marks unannotated pixels)"));
			out[i] = (byte) f;
		}
		return out;
	}

	private static void checkInteger(float f, String source) {
		if (!Float.isFinite(f)) throw new BadInputException(source + ": contains NaN or infinite values");
		if (f != Math.rint(f)) throw new BadInputException(source + ": holds the non-integer value " + f
			+ "; labels and scribbles must be integer class values");
	}
}
