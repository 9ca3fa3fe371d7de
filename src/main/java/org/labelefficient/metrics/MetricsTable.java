package org.labelefficient.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.labelefficient.io.AtomicFiles;

/**
 * Per-case, per-class metrics and their means over cases. Means of Dice and Jaccard are over all cases; means of
 * the distance metrics leave out undefined ({@code NaN}) values, whose number per class {@link #undefined} tells.
 * Written as CSV with the header {@value #HEADER}, one row per case and class, then one {@code mean} row per class;
 * numbers have 6 decimals and NaN is written {@code nan}.
 */
public final class MetricsTable {

	/** The CSV header line. */
	public static final String HEADER = "case,class,dice,jaccard,hd95,asd,assd";

	/**
	 * One line of the table.
	 *
	 * @param caseName the case the metrics belong to
	 * @param metrics the metrics of one class in that case
	 */
	public record Row(String caseName, ClassMetrics metrics) {}

	private final List<Row> rows = new ArrayList<>();

	/** Adds one row. */
	public void add(String caseName, ClassMetrics metrics) {
		rows.add(new Row(caseName, metrics));
	}

	/** Adds a row per class of a case. */
	public void add(CaseMetrics c) {
		for (ClassMetrics m : c.classes())
			add(c.name(), m);
	}

	/** The rows in the order added. */
	public List<Row> rows() {
		return List.copyOf(rows);
	}

	/** Per class (by increasing label), the mean of each metric over the cases. */
	public List<ClassMetrics> means() {
		List<ClassMetrics> result = new ArrayList<>();
		byLabel().forEach((label, list) -> result.add(new ClassMetrics(label, mean(list, ClassMetrics::dice),
			mean(list, ClassMetrics::jaccard), mean(list, ClassMetrics::hd95), mean(list, ClassMetrics::asd),
			mean(list, ClassMetrics::assd))));
		return result;
	}

	/** Number of cases of class {@code label} whose distance metrics are undefined. */
	public int undefined(int label) {
		return (int) rows.stream().filter(r -> r.metrics().label() == label && !r.metrics().distancesDefined())
			.count();
	}

	/** Mean over classes of the per-class means (NaN values left out), labelled -1. */
	public ClassMetrics overallMean() {
		List<ClassMetrics> m = means();
		return new ClassMetrics(-1, mean(m, ClassMetrics::dice), mean(m, ClassMetrics::jaccard), mean(m,
			ClassMetrics::hd95), mean(m, ClassMetrics::asd), mean(m, ClassMetrics::assd));
	}

	/** The table as CSV text, rows then mean rows, each line ending in a newline. */
	public String toCsv() {
		StringBuilder sb = new StringBuilder(HEADER).append('\n');
		for (Row r : rows)
			csvLine(sb, csvField(r.caseName()), r.metrics());
		for (ClassMetrics m : means())
			csvLine(sb, "mean", m);
		return sb.toString();
	}

	/** Writes {@link #toCsv()} atomically (temporary sibling, then rename), creating parent folders. */
	public void writeCsv(Path file) throws IOException {
		AtomicFiles.writeString(file, toCsv());
	}

	/** Aligned text of the per-class means, the undefined counts and the mean over classes, for a console. */
	public String toText() {
		String row = "%-6s %6s %8s %8s %9s %9s %9s %9s%n";
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, row, "class", "cases", "dice", "jaccard",
			"hd95", "asd", "assd", "undefined"));
		TreeMap<Integer, List<ClassMetrics>> groups = byLabel();
		for (ClassMetrics m : means())
			sb.append(textLine(row, String.valueOf(m.label()), groups.get(m.label()).size(), m, String.valueOf(
				undefined(m.label()))));
		if (!groups.isEmpty()) sb.append(textLine(row, "mean", rows.size(), overallMean(), ""));
		return sb.toString();
	}

	private static String textLine(String format, String name, int cases, ClassMetrics m, String undefined) {
		return String.format(Locale.ROOT, format, name, cases, number(m.dice()), number(m.jaccard()), number(m
			.hd95()), number(m.asd()), number(m.assd()), undefined);
	}

	private TreeMap<Integer, List<ClassMetrics>> byLabel() {
		TreeMap<Integer, List<ClassMetrics>> groups = new TreeMap<>();
		for (Row r : rows)
			groups.computeIfAbsent(r.metrics().label(), k -> new ArrayList<>()).add(r.metrics());
		return groups;
	}

	/** Mean of the non-NaN values; NaN when there are none. */
	private static double mean(List<ClassMetrics> list, ToDoubleFunction<ClassMetrics> metric) {
		double sum = 0;
		int n = 0;
		for (ClassMetrics m : list) {
			double v = metric.applyAsDouble(m);
			if (Double.isNaN(v)) continue;
			sum += v;
			n++;
		}
		return n == 0 ? Double.NaN : sum / n;
	}

	private static void csvLine(StringBuilder sb, String name, ClassMetrics m) {
		sb.append(name).append(',').append(m.label());
		for (double v : new double[] { m.dice(), m.jaccard(), m.hd95(), m.asd(), m.assd() })
			sb.append(',').append(number(v));
		sb.append('\n');
	}

	/** Six decimals with a dot, or {@code nan}. */
	static String number(double v) {
		return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6f", v);
	}

	/** Quotes a case name holding a comma, quote or line break, doubling its quotes (RFC 4180). */
	private static String csvField(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
