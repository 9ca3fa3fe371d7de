package org.labelefficient.spark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.AtomicFiles;

/** {@code label-efficient-spark} on {@code local[2]} against the single-machine commands, on generated data. */
public class SparkPredictTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static SparkFixture f;

	@BeforeClass
	public static void fixture() throws Exception {
		f = SparkFixture.get();
	}

	private List<String> predict(String tool, Path input, Path output, String... extra) {
		List<String> args = new ArrayList<>(List.of("predict", "model=" + f.model, "input=" + input, "output="
			+ output));
		args.addAll(List.of(extra));
		return args;
	}

	@Test
	public void labelsAreThoseOfTheSingleMachinePredictAndEachJvmLoadsTheModelOnce() throws Exception {
		Path single = tmp.getRoot().toPath().resolve("single"), spark = tmp.getRoot().toPath().resolve("spark");
		SparkFixture.Result s = SparkFixture.main(predict("main", f.data.testImages(), single, "checkpoint=latest"));
		assertEquals(s.err(), 0, s.status());
		int loadsBefore = ModelCache.loads();
		SparkFixture.Result r = SparkFixture.spark(predict("spark", f.data.testImages(), spark, "checkpoint=latest",
			"master=local[2]", "partitions=3"));
		assertEquals(r.err(), 0, r.status());
		assertEquals(8, SparkFixture.names(spark).size());
		SparkFixture.assertSameFiles(single, spark);
		// local[2]: one executor, the driver's JVM; its three tasks share one model
		assertEquals(1, ModelCache.loads() - loadsBefore);
		assertTrue(r.out(), r.out().contains("started in") && r.out().contains("3 tasks"));
		assertTrue(r.out(), r.out().contains("8/8 files done") && r.out().contains("0 s left"));
		assertFalse(Files.exists(FailureReport.of(spark)));
		// one file into one file, as the single-machine predict does
		Path one = tmp.getRoot().toPath().resolve("one.nii.gz");
		SparkFixture.Result r1 = SparkFixture.spark(predict("spark", f.data.testImages().resolve("test04.nii.gz"), one,
			"checkpoint=latest", "master=local[1]"));
		assertEquals(r1.err(), 0, r1.status());
		assertEquals(-1, Files.mismatch(single.resolve("test04.nii.gz"), one));
	}

	@Test
	public void aRerunSkipsCompleteOutputsAndRedoesIncompleteOnes() throws Exception {
		Path out = tmp.getRoot().toPath().resolve("out");
		List<String> args = predict("spark", f.data.testImages(), out, "probabilities=true", "master=local[2]");
		assertEquals(0, SparkFixture.spark(args).status());
		// 8 cases, each a label image, 4 probability maps and the uncertainty
		assertEquals(48, SparkFixture.names(out).size());
		Map<String, byte[]> before = new HashMap<>();
		Map<String, FileTime> times = new HashMap<>();
		for (String n : SparkFixture.names(out)) {
			before.put(n, Files.readAllBytes(out.resolve(n)));
			times.put(n, FileTime.fromMillis(1000));
			Files.setLastModifiedTime(out.resolve(n), FileTime.fromMillis(1000));
		}
		Files.delete(out.resolve("test03.nii.gz"));
		Files.delete(out.resolve("test05_prob2.nii.gz"));
		SparkFixture.Result r = SparkFixture.spark(args);
		assertEquals(r.err(), 0, r.status());
		assertTrue(r.out(), r.out().contains("8 input files; 6 already predicted (skipped); 2 to predict"));
		assertEquals(before.keySet(), new java.util.TreeSet<>(SparkFixture.names(out)).stream().collect(
			java.util.stream.Collectors.toSet()));
		for (String n : SparkFixture.names(out)) {
			assertTrue(n, java.util.Arrays.equals(before.get(n), Files.readAllBytes(out.resolve(n))));
			boolean redone = n.startsWith("test03") || n.startsWith("test05");
			assertEquals(n, redone, !Files.getLastModifiedTime(out.resolve(n)).equals(times.get(n)));
		}
		// everything complete: nothing to do, no Spark started
		SparkFixture.Result again = SparkFixture.spark(args);
		assertEquals(0, again.status());
		assertTrue(again.out(), again.out().contains("8 already predicted (skipped); 0 to predict"));
		assertFalse(again.out(), again.out().contains("started in"));
	}

	@Test
	public void aCorruptFileIsOneLineOfTheFailureReportAndTheOthersComplete() throws Exception {
		Path in = tmp.newFolder("in").toPath(), out = tmp.getRoot().toPath().resolve("out");
		for (String n : SparkFixture.names(f.data.testImages()))
			Files.copy(f.data.testImages().resolve(n), in.resolve(n));
		Path broken = in.resolve("broken.nii.gz");
		Files.write(broken, new byte[] { 31, -117, 8, 0, 1, 2, 3, 4, 5 });
		SparkFixture.Result r = SparkFixture.spark(predict("spark", in, out, "master=local[2]", "partitions=2"));
		assertEquals(r.out() + r.err(), 1, r.status());
		assertEquals(SparkFixture.names(f.data.testImages()), SparkFixture.names(out));
		List<String> report = Files.readAllLines(FailureReport.of(out));
		assertEquals(report.toString(), 1, report.size());
		assertTrue(report.get(0), report.get(0).startsWith(broken.toAbsolutePath().toString() + ": "));
		assertTrue(r.err(), r.err().contains("1 file failed, the others are done; see " + FailureReport.of(out)));
		// the file repaired, a rerun predicts it alone and removes the report
		Files.copy(f.data.testImages().resolve("test00.nii.gz"), broken, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		SparkFixture.Result again = SparkFixture.spark(predict("spark", in, out, "master=local[2]"));
		assertEquals(again.err(), 0, again.status());
		assertTrue(again.out(), again.out().contains("8 already predicted (skipped); 1 to predict"));
		assertFalse(Files.exists(FailureReport.of(out)));
		assertEquals(-1, Files.mismatch(out.resolve("test00.nii.gz"), out.resolve("broken.nii.gz")));
	}

	@Test
	public void evaluateWritesTheSingleMachineCsv() throws Exception {
		Path pred = tmp.getRoot().toPath().resolve("pred");
		assertEquals(0, SparkFixture.main(predict("main", f.data.testImages(), pred)).status());
		Path a = tmp.getRoot().toPath().resolve("single.csv"), b = tmp.getRoot().toPath().resolve("spark.csv");
		for (String classes : List.of("0", "5")) {
			SparkFixture.Result s = SparkFixture.main(List.of("evaluate", "prediction=" + pred, "reference=" + f.data
				.testLabels(), "output=" + a, "num_classes=" + classes));
			assertEquals(s.err(), 0, s.status());
			SparkFixture.Result r = SparkFixture.spark(List.of("evaluate", "prediction=" + pred, "reference=" + f.data
				.testLabels(), "output=" + b, "num_classes=" + classes, "master=local[2]", "partitions=3"));
			assertEquals(r.err(), 0, r.status());
			assertTrue(r.out(), r.out().contains("8/8 files done"));
			assertEquals(Files.readString(a), Files.readString(b));
			assertEquals(classes.equals("0") ? 1 + 8 * 3 + 3 : 1 + 8 * 4 + 4, Files.readAllLines(b).size());
		}
	}

	@Test
	public void evaluateListsACaseThatFailsAndMeasuresTheOthers() throws Exception {
		Path pred = tmp.getRoot().toPath().resolve("pred");
		assertEquals(0, SparkFixture.main(predict("main", f.data.testImages(), pred)).status());
		// a prediction of another size than its reference
		org.labelefficient.io.VolumeIO.write(org.labelefficient.io.Volume.zeros(32, 32, 3, new double[] { 1, 1, 1 }),
			pred.resolve("test03.nii.gz"), org.labelefficient.io.VoxelType.UINT8);
		Path csv = tmp.getRoot().toPath().resolve("metrics.csv");
		SparkFixture.Result r = SparkFixture.spark(List.of("evaluate", "prediction=" + pred, "reference=" + f.data
			.testLabels(), "output=" + csv, "master=local[2]"));
		assertEquals(r.out() + r.err(), 1, r.status());
		List<String> report = Files.readAllLines(FailureReport.of(csv));
		assertEquals(report.toString(), 1, report.size());
		assertTrue(report.get(0), report.get(0).startsWith(pred.resolve("test03.nii.gz").toAbsolutePath()
			+ ": has size 32x32x3"));
		List<String> rows = Files.readAllLines(csv);
		assertEquals(1 + 7 * 3 + 3, rows.size());
		assertTrue(rows.stream().noneMatch(l -> l.startsWith("test03,")));
	}

	@Test
	public void shardsOfTheSingleMachinePredictTogetherPredictEveryFileOnce() throws Exception {
		Path whole = tmp.getRoot().toPath().resolve("whole"), parts = tmp.getRoot().toPath().resolve("parts");
		assertEquals(0, SparkFixture.main(predict("main", f.data.testImages(), whole)).status());
		int total = 0;
		for (int i = 0; i < 3; i++) {
			List<String> before = Files.exists(parts) ? SparkFixture.names(parts) : List.of();
			SparkFixture.Result r = SparkFixture.main(predict("main", f.data.testImages(), parts, "shard=" + i + "/3"));
			assertEquals(r.err(), 0, r.status());
			List<String> after = SparkFixture.names(parts);
			int added = after.size() - before.size();
			assertTrue(r.out(), r.out().contains("shard " + i + "/3: " + added + " of 8 files"));
			total += added;
		}
		assertEquals(8, total);
		SparkFixture.assertSameFiles(whole, parts);
	}

	@Test
	public void badOptionsAreOneSentenceBeforeAnyWork() throws Exception {
		Path out = tmp.getRoot().toPath().resolve("never");
		SparkFixture.Result shard = SparkFixture.spark(predict("spark", f.data.testImages(), out, "shard=0/2"));
		assertEquals(2, shard.status());
		assertTrue(shard.err(), shard.err().contains("shard"));
		SparkFixture.Result parts = SparkFixture.spark(predict("spark", f.data.testImages(), out, "partitions=-1"));
		assertEquals(2, parts.status());
		assertEquals("Error: partitions must be an integer of at least 0, got -1", parts.err().trim());
		SparkFixture.Result model = SparkFixture.spark(List.of("predict", "model=" + out, "input=" + f.data.testImages(),
			"output=" + out));
		assertEquals(2, model.status());
		assertEquals(1, model.err().trim().lines().count());
		assertFalse(Files.exists(out));
		AtomicFiles.deleteRecursively(out);
	}
}
