package org.labelefficient.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class MetricsTableTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static MetricsTable table() {
		MetricsTable t = new MetricsTable();
		t.add(new CaseMetrics("patient1", List.of(new ClassMetrics(1, 0.5, 1.0 / 3, 1, 0.5, 0.75), new ClassMetrics(
			2, 0, 0, Double.NaN, Double.NaN, Double.NaN))));
		t.add(new CaseMetrics("patient2", List.of(new ClassMetrics(1, 1, 1, 0, 0, 0), new ClassMetrics(2, 0.8,
			0.6, 2, 1.5, 1.25))));
		return t;
	}

	@Test
	public void csvHasHeaderRowsAndMeanRows() {
		assertEquals("case,class,dice,jaccard,hd95,asd,assd\n"
			+ "patient1,1,0.500000,0.333333,1.000000,0.500000,0.750000\n"
			+ "patient1,2,0.000000,0.000000,nan,nan,nan\n"
			+ "patient2,1,1.000000,1.000000,0.000000,0.000000,0.000000\n"
			+ "patient2,2,0.800000,0.600000,2.000000,1.500000,1.250000\n"
			+ "mean,1,0.750000,0.666667,0.500000,0.250000,0.375000\n"
			+ "mean,2,0.400000,0.300000,2.000000,1.500000,1.250000\n", table().toCsv());
	}

	@Test
	public void meansLeaveOutUndefinedDistances() {
		MetricsTable t = table();
		assertEquals(new ClassMetrics(2, 0.4, 0.3, 2, 1.5, 1.25), t.means().get(1));
		assertEquals(1, t.undefined(2));
		assertEquals(0, t.undefined(1));
		ClassMetrics all = t.overallMean();
		assertEquals(0.575, all.dice(), 1e-12);
		assertEquals(1.25, all.hd95(), 1e-12);
	}

	@Test
	public void allUndefinedMeanIsNan() {
		MetricsTable t = new MetricsTable();
		t.add("a", new ClassMetrics(1, 0, 0, Double.NaN, Double.NaN, Double.NaN));
		assertEquals("case,class,dice,jaccard,hd95,asd,assd\n" + "a,1,0.000000,0.000000,nan,nan,nan\n"
			+ "mean,1,0.000000,0.000000,nan,nan,nan\n", t.toCsv());
	}

	@Test
	public void caseNamesWithCommasAreQuoted() {
		MetricsTable t = new MetricsTable();
		t.add("a,\"b\"", new ClassMetrics(1, 1, 1, 0, 0, 0));
		assertTrue(t.toCsv().contains("\n\"a,\"\"b\"\"\",1,1.000000,"));
	}

	@Test
	public void writesCsvAtomicallyIntoNewFolders() throws Exception {
		Path file = tmp.getRoot().toPath().resolve("out/sub/metrics.csv");
		MetricsTable t = table();
		t.writeCsv(file);
		t.writeCsv(file); // replaces the existing file
		assertEquals(t.toCsv(), Files.readString(file, StandardCharsets.UTF_8));
		try (var files = Files.list(file.getParent())) {
			assertEquals(1, files.count());
		}
	}

	@Test
	public void textTableShowsClassMeansAndOverallMean() {
		String text = table().toText();
		String[] lines = text.split("\n");
		assertEquals(4, lines.length);
		assertTrue(lines[0].startsWith("class "));
		assertTrue(lines[1], lines[1].matches("1\\s+2\\s+0\\.750000\\s+0\\.666667\\s+0\\.500000\\s+0\\.250000"
			+ "\\s+0\\.375000\\s+0"));
		assertTrue(lines[2], lines[2].matches("2\\s+2\\s+0\\.400000\\s+0\\.300000\\s+2\\.000000\\s+1\\.500000"
			+ "\\s+1\\.250000\\s+1"));
		assertTrue(lines[3], lines[3].startsWith("mean"));
		assertTrue(lines[3], lines[3].contains("0.575000"));
	}
}
