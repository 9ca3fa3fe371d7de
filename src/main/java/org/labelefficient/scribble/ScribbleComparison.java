package org.labelefficient.scribble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelefficient.io.Volume;

/**
 * Real and generated scribbles side by side: scribbled fraction, per-class share, strokes per slice and stroke length.
 *
 * @param real statistics of the real scribbles
 * @param generated statistics of the generated scribbles
 */
public record ScribbleComparison(ScribbleStatistics real, ScribbleStatistics generated) {

	/** Compares two sets of scribble volumes with the same classes and unlabelled value. */
	public static ScribbleComparison of(List<Volume> real, List<Volume> generated, int numClasses,
		int unlabelledValue) {
		return new ScribbleComparison(ScribbleStatistics.of(real, numClasses, unlabelledValue), ScribbleStatistics.of(
			generated, numClasses, unlabelledValue));
	}

	/** A small text table, one line per statistic: name, real, generated. */
	public List<String> table() {
		List<String> out = new ArrayList<>();
		out.add(String.format(Locale.ROOT, "%-24s %10s %10s", "statistic", "real", "generated"));
		out.add(row("scribbled fraction (%)", 100 * real.fraction(), 100 * generated.fraction()));
		for (int c = 0; c < real.report().numClasses(); c++)
			out.add(row("class " + c + " share (%)", 100 * real.share(c), 100 * generated.share(c)));
		out.add(row("strokes per slice", real.strokesPerSlice(), generated.strokesPerSlice()));
		out.add(row("mean stroke length (px)", real.meanStrokeLength(), generated.meanStrokeLength()));
		out.add(row("stroke length/slice (px)", real.strokeLengthPerSlice(), generated.strokeLengthPerSlice()));
		return out;
	}

	private static String row(String name, double real, double generated) {
		return String.format(Locale.ROOT, "%-24s %10.2f %10.2f", name, real, generated);
	}
}
