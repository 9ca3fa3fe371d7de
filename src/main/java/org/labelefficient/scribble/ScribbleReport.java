package org.labelefficient.scribble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.labelefficient.data.Annotations;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;

/**
 * What a set of scribble volumes holds: scribbled pixels per class, the scribbled fraction of all pixels and the
 * classes without any scribble. Scribble voxels hold a class 0..numClasses-1 or the unlabelled value.
 */
public final class ScribbleReport {

	private final long[] counts;
	private final long voxels;
	private final int unlabelledValue;

	private ScribbleReport(long[] counts, long voxels, int unlabelledValue) {
		this.counts = counts;
		this.voxels = voxels;
		this.unlabelledValue = unlabelledValue;
	}

	/** The report of one scribble volume. */
	public static ScribbleReport of(Volume scribble, int numClasses, int unlabelledValue) {
		return of(List.of(scribble), numClasses, unlabelledValue);
	}

	/**
	 * The report of several scribble volumes together.
	 *
	 * @throws BadInputException for a value that is neither a class nor the unlabelled value (the message names it)
	 */
	public static ScribbleReport of(List<Volume> scribbles, int numClasses, int unlabelledValue) {
		if (numClasses < 1 || numClasses > Annotations.MAX_CLASSES) throw new BadInputException(
			"number of classes must be 1.." + Annotations.MAX_CLASSES + ", got " + numClasses);
		long[] counts = new long[numClasses];
		long voxels = 0;
		for (int i = 0; i < scribbles.size(); i++) {
			String source = scribbles.size() == 1 ? "scribble" : "scribble " + (i + 1) + " of " + scribbles.size();
			byte[] bytes = Annotations.scribble(scribbles.get(i), numClasses, unlabelledValue, source);
			long[] c = Annotations.classCounts(bytes, numClasses);
			for (int k = 0; k < numClasses; k++)
				counts[k] += c[k];
			voxels += bytes.length;
		}
		return new ScribbleReport(counts, voxels, unlabelledValue);
	}

	/** Number of classes. */
	public int numClasses() {
		return counts.length;
	}

	/** The unlabelled value the scribbles were read with. */
	public int unlabelledValue() {
		return unlabelledValue;
	}

	/** Scribbled pixels of class {@code c}. */
	public long count(int c) {
		return counts[c];
	}

	/** Scribbled pixels per class (a copy). */
	public long[] counts() {
		return counts.clone();
	}

	/** All pixels (scribbled or not). */
	public long voxels() {
		return voxels;
	}

	/** Scribbled pixels of any class. */
	public long scribbled() {
		long n = 0;
		for (long c : counts)
			n += c;
		return n;
	}

	/** Scribbled fraction of all pixels (0 for no pixels). */
	public double fraction() {
		return voxels == 0 ? 0 : (double) scribbled() / voxels;
	}

	/** Share of class {@code c} among the scribbled pixels (0 when nothing is scribbled). */
	public double share(int c) {
		long s = scribbled();
		return s == 0 ? 0 : (double) counts[c] / s;
	}

	/** The classes without any scribbled pixel, ascending. */
	public List<Integer> missingClasses() {
		List<Integer> out = new ArrayList<>();
		for (int c = 0; c < counts.length; c++)
			if (counts[c] == 0) out.add(c);
		return out;
	}

	/** One line, e.g. {@code "1,234 of 100,000 pixels scribbled (1.23%): class 0 50.0%, 1 30.0%, 2 20.0%, 3 0.0%;
	 * no scribble for class 3"}. */
	public String summary() {
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d pixels scribbled (%.2f%%):",
			scribbled(), voxels, 100 * fraction()));
		for (int c = 0; c < counts.length; c++)
			s.append(String.format(Locale.ROOT, "%s %s%d %.1f%%", c == 0 ? "" : ",", c == 0 ? "class " : "", c,
				100 * share(c)));
		List<Integer> missing = missingClasses();
		s.append(missing.isEmpty() ? "; every class scribbled" : "; no scribble for class " + joined(missing));
		return s.toString();
	}

	private static String joined(List<Integer> values) {
		StringBuilder s = new StringBuilder();
		for (int v : values)
			s.append(s.length() == 0 ? "" : ", ").append(v);
		return s.toString();
	}

	@Override
	public String toString() {
		return summary();
	}
}
