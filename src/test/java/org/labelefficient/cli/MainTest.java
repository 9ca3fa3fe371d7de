package org.labelefficient.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.request.Options;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.request.ContinueRequest;

public class MainTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(String... args) {
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
	}

	private String errors() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** A 2D label image: class 1 in columns [x0, x1) of rows 2..5 of an 8x8 image. */
	private Path labels(String dir, String name, int x0, int x1) {
		Volume v = Volume.zeros(8, 8, 1, new double[] { 1, 1, 1 });
		for (int y = 2; y < 6; y++)
			for (int x = x0; x < x1; x++)
				v.set(x, y, 0, 1);
		Path file = tmp.getRoot().toPath().resolve(dir).resolve(name);
		VolumeIO.write(v, file, VoxelType.UINT8);
		return file;
	}

	@Test
	public void evaluateWritesTheCsvWithExactColumnsAndMeanRows() throws Exception {
		labels("pred", "a.nii.gz", 2, 6);
		labels("ref", "a.tif", 2, 6);
		labels("pred", "b.nii.gz", 2, 4);
		labels("ref", "b.tif", 2, 6);
		Path csv = tmp.getRoot().toPath().resolve("m/metrics.csv");
		int status = run("evaluate", "prediction=" + tmp.getRoot() + "/pred", "reference=" + tmp.getRoot() + "/ref",
			"output=" + csv);
		assertEquals(errors(), 0, status);
		List<String> lines = Files.readAllLines(csv);
		assertEquals("case,class,dice,jaccard,hd95,asd,assd", lines.get(0));
		assertTrue(lines.get(1), lines.get(1).startsWith("a,1,1.000000,1.000000,0.000000,0.000000,0.000000"));
		// b: 8 predicted pixels inside 16 reference pixels: Dice 16/24, Jaccard 8/16
		assertTrue(lines.get(2), lines.get(2).startsWith("b,1,0.666667,0.500000,"));
		assertTrue(lines.get(3), lines.get(3).startsWith("mean,1,0.833333,0.750000,"));
		assertEquals(4, lines.size());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("0.8333"));
	}

	@Test
	public void badInputGivesStatusTwoAndOneLineNamingTheFile() {
		Path missing = tmp.getRoot().toPath().resolve("nothing.nii.gz");
		assertEquals(2, run("evaluate", "prediction=" + missing, "reference=" + missing));
		assertEquals("Error: " + missing + ": not found", errors().trim());
	}

	@Test
	public void misspeltAndMalformedOptionsAreErrors() {
		assertEquals(2, run("evaluate", "prediction=a", "reference=b", "spacng=1,1,1"));
		assertTrue(errors(), errors().contains("spacng"));
		err.reset();
		assertEquals(2, run("train", "dataset=x", "method=pce", "output=y", "iterations=ten"));
		assertTrue(errors(), errors().contains("iterations") && errors().contains("ten"));
		err.reset();
		assertEquals(2, run("train", "dataset=x", "method=magic", "output=y"));
		assertTrue(errors(), errors().contains("magic") && errors().contains("pce"));
		err.reset();
		assertEquals(2, run("frobnicate"));
	}

	@Test
	public void trainPredictAndInfoOnAFolderDataset() throws Exception {
		Path root = tmp.getRoot().toPath();
		DemoDataset.Layout data = new DemoDataset(64, 2).write(root.resolve("data"), 3, 1, 1);
		Path model = root.resolve("model");
		assertEquals(errors(), 0, run("train", "dataset=" + data.dataset(), "method=pce", "output=" + model,
			"iterations=6", "batch_size=2", "patch_size=32", "seed=3", "validation_interval=3", "base_channels=4",
			"log_interval=7"));
		ModelInfo info = ModelInfo.read(model);
		assertEquals("pce", info.method);
		assertEquals(4, info.numClasses);
		assertEquals(6, info.iterationsDone);
		assertEquals(2, info.history.size());
		assertEquals(2, run("train", "dataset=" + data.dataset(), "method=pce", "output=" + model));
		assertTrue(errors(), errors().contains("already holds a model"));
		Path predictions = root.resolve("pred");
		assertEquals(errors(), 0, run("predict", "model=" + model, "input=" + data.testImages(), "output="
			+ predictions, "probabilities=true"));
		Volume labels = VolumeIO.read(predictions.resolve("test00.nii.gz"));
		assertEquals(64, labels.width());
		assertEquals(2, labels.depth());
		Volume p0 = VolumeIO.read(predictions.resolve("test00_prob0.nii.gz"));
		assertTrue(p0.data()[0] >= 0 && p0.data()[0] <= 1);
		Volume u = VolumeIO.read(predictions.resolve("test00_uncertainty.nii.gz"));
		assertTrue(u.data()[0] >= 0 && u.data()[0] <= 1.0001);
		// mirror=true averages over flipped inputs: other probabilities (an untrained network is not flip-symmetric)
		Path mirrored = root.resolve("pred-mirror");
		assertEquals(errors(), 0, run("predict", "model=" + model, "input=" + data.testImages(), "output="
			+ mirrored, "probabilities=true", "mirror=true"));
		float[] m0 = VolumeIO.read(mirrored.resolve("test00_prob0.nii.gz")).data();
		float[] m1 = VolumeIO.read(mirrored.resolve("test00_prob1.nii.gz")).data();
		double change = 0;
		for (int i = 0; i < m0.length; i++) {
			assertTrue(m0[i] >= 0 && m0[i] <= m0[i] + m1[i] && m0[i] + m1[i] <= 1.0001);
			change = Math.max(change, Math.abs(m0[i] - p0.data()[i]));
		}
		assertTrue("mirroring changed no probability", change > 1e-4);
		assertEquals(errors(), 0, run("info", "model=" + model));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("pce"));
		assertEquals(errors(), 0, run("continue", "model=" + model, "iterations=9"));
		assertEquals(9, ModelInfo.read(model).iterationsDone);
		assertEquals("base_channels kept", 4, ModelInfo.read(model).channels[0]);
		// issue 17: continue kept every setting, log_interval included
		assertEquals(7.0, ModelInfo.read(model).training.get("log_interval"));
		assertEquals("7", ContinueRequest.options(model, 12).get("log_interval"));
	}

	@Test
	public void macroOptionsAreCheckedLikeCommandLineOptions() {
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true,
			StandardCharsets.UTF_8);
		assertEquals(2, Main.run("evaluate", Options.fromMacro("evaluate", "prediction=[/a b] reference=/c spacng=1,1,1"),
			o, e));
		assertTrue(errors(), errors().contains("Unknown option spacng for evaluate"));
		err.reset();
		assertEquals(2, Main.run("evaluate", Options.fromMacro("evaluate", "prediction=/a reference=/b spacing=1,x"), o,
			e));
		assertTrue(errors(), errors().contains("spacing must be comma-separated numbers, each above 0, got 1,x"));
		err.reset();
		assertEquals(2, Main.run("train", Options.fromMacro("train", "dataset=/d method=pce output=/o batch_size=-2"), o,
			e));
		assertTrue(errors(), errors().contains("batch_size must be a positive integer, got -2"));
	}
}
