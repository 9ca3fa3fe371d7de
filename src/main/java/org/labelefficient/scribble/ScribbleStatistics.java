package org.labelefficient.scribble;

import java.util.List;

import org.labelefficient.io.Volume;

/**
 * Shape statistics of scribbles, to compare generated with real ones. A stroke is an 8-connected piece of one class's
 * scribbled pixels within a slice; its length is the pixel count of its Zhang–Suen skeleton ({@link Thinning}), so a
 * one-pixel-wide stroke's length is its pixel count and a wide stroke's length that of its centre line.
 *
 * @param report pixel counts per class and scribbled fraction
 * @param slices slices holding at least one scribbled pixel
 * @param strokes strokes over all slices and classes
 * @param totalStrokeLength summed stroke lengths, in pixels
 */
public record ScribbleStatistics(ScribbleReport report, int slices, int strokes, long totalStrokeLength) {

	/** The statistics of several scribble volumes together. */
	public static ScribbleStatistics of(List<Volume> scribbles, int numClasses, int unlabelledValue) {
		ScribbleReport report = ScribbleReport.of(scribbles, numClasses, unlabelledValue);
		int slices = 0, strokes = 0;
		long length = 0;
		for (Volume v : scribbles)
			for (int z = 0; z < v.depth(); z++) {
				boolean any = false;
				for (int c = 0; c < numClasses; c++)
					for (int[] piece : SliceMask.ofValue(v, z, c).components()) {
						any = true;
						strokes++;
						length += strokeLength(piece, v.width(), v.height());
					}
				if (any) slices++;
			}
		return new ScribbleStatistics(report, slices, strokes, length);
	}

	/** Scribbled fraction of all pixels. */
	public double fraction() {
		return report.fraction();
	}

	/** Share of class {@code c} among the scribbled pixels. */
	public double share(int c) {
		return report.share(c);
	}

	/** Mean number of strokes per scribbled slice. */
	public double strokesPerSlice() {
		return slices == 0 ? 0 : (double) strokes / slices;
	}

	/** Mean stroke length in pixels. */
	public double meanStrokeLength() {
		return strokes == 0 ? 0 : (double) totalStrokeLength / strokes;
	}

	/** Mean summed stroke length per scribbled slice, in pixels. */
	public double strokeLengthPerSlice() {
		return slices == 0 ? 0 : (double) totalStrokeLength / slices;
	}

	private static int strokeLength(int[] piece, int width, int height) {
		SliceMask m = SliceMask.empty(width, height);
		for (int i : piece)
			m.bits[i] = true;
		return Math.max(1, Thinning.skeleton(m).count());
	}
}
