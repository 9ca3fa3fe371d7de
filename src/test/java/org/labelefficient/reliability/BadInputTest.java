package org.labelefficient.reliability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;

/**
 * The rows of the bad-input table in docs/bad-input.md: each ends, through the command line, in exit status 2 and one line naming
 * the file or option and the problem, before any training starts (no model folder is created).
 */
public class BadInputTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private TrainingFixture f;
	private Path model;

	@Before
	public void data() throws Exception {
		f = new TrainingFixture(tmp.getRoot().toPath());
		model = tmp.getRoot().toPath().resolve("model");
	}

	/** Trains with {@code extra} options; asserts status 2, no model written, and returns the error line. */
	private String trainFails(String... extra) {
		StringBuilder err = new StringBuilder();
		assertEquals(err.toString(), 2, TrainingFixture.run(f.trainArgs(model, 5, extra), err));
		assertFalse("nothing written before the check", Files.exists(model.resolve("model.json")));
		String message = err.toString().trim();
		assertEquals("one line: " + message, 1, message.lines().count());
		return message;
	}

	private Path dataset() {
		return f.data.dataset();
	}

	@Test
	public void imageAndLabelOfDifferentSizes() {
		VolumeIO.write(Volume.zeros(63, 64, 2, new double[] { 1, 1, 1 }), dataset().resolve("labels/val00.nii.gz"),
			VoxelType.UINT8);
		String e = trainFails();
		assertTrue(e, e.contains("val00.nii.gz") && e.contains("63x64x2"));
	}

	@Test
	public void labelValuesOutsideTheClasses() {
		String e = trainFails("num_classes=3");
		assertTrue(e, e.contains("train00.nii.gz") && e.contains("value 3 is outside the classes 0..2"));
	}

	@Test
	public void aClassWithoutAnyScribble() {
		for (int i = 0; i < 3; i++) {
			Path p = dataset().resolve(String.format("scribbles/train%02d.nii.gz", i));
			Volume s = VolumeIO.read(p);
			for (int k = 0; k < s.data().length; k++)
				if (s.data()[k] == 3) s.data()[k] = 255;
			VolumeIO.write(s, p, VoxelType.UINT8);
		}
		String e = trainFails("num_classes=4");
		assertTrue(e, e.contains("no stroke for class [3]"));
	}

	@Test
	public void emptyDatasetAndUnmatchedNames() throws Exception {
		Path empty = tmp.newFolder("empty", "images").toPath().getParent();
		String e = trainFails("dataset=" + empty);
		assertTrue(e, e.contains(empty.resolve("images").toString()) && e.contains("no image files"));
		Files.move(dataset().resolve("scribbles/train01.nii.gz"), dataset().resolve("scribbles/train1.nii.gz"));
		e = trainFails();
		assertTrue(e, e.contains("train1.nii.gz") && e.contains("has no image of the same name"));
	}

	@Test
	public void nanAndInfinitePixels() {
		Path p = dataset().resolve("images/train02.nii.gz");
		Volume v = VolumeIO.read(p);
		v.data()[17] = Float.POSITIVE_INFINITY;
		VolumeIO.write(v, p, VoxelType.FLOAT32);
		String e = trainFails();
		assertTrue(e, e.contains("train02.nii.gz") && e.contains("NaN or infinite"));
	}

	@Test
	public void patchLargerThanTheImageWithoutPadding() {
		String e = trainFails("patch_size=80", "allow_padding=false");
		assertTrue(e, e.contains("64x64, smaller than patch_size=80"));
	}

	@Test
	public void wrongParameterNamesTypesAndRanges() {
		assertTrue(trainFails("batchsize=4").contains("batchsize"));
		assertEquals("Error: seed must be an integer, got one", trainFails("seed=one"));
		assertEquals("Error: batch_size must be a positive integer, got 0", trainFails("batch_size=0"));
		assertEquals("Error: patch_size must be an integer of at least 16, a multiple of 16, got 50", trainFails(
			"patch_size=50"));
		assertEquals("Error: learning_rate must be a positive number, got -1", trainFails("learning_rate=-1"));
		assertTrue(trainFails("method=scribble").startsWith("Error: method must be one of supervised, pce, "));
		assertEquals("Error: normalization must be one of zscore, minmax, none, got robust", trainFails(
			"normalization=robust"));
		assertEquals("Error: background_margin must be an integer of at least -1, got -2", trainFails(
			"background_margin=-2"));
	}

	@Test
	public void modelFolderFromAnotherVersionOrWithAMissingPart() throws Exception {
		StringBuilder err = new StringBuilder();
		assertEquals(err.toString(), 0, TrainingFixture.run(f.trainArgs(model, 2), err));
		Path json = model.resolve("model.json");
		String text = Files.readString(json);
		List<String> predict = new ArrayList<>(Arrays.asList("predict", "model=" + model, "input=" + f.data
			.testImages(), "output=" + tmp.getRoot().toPath().resolve("pred")));
		Files.writeString(json, text.replace("\"format_version\": 1", "\"format_version\": 7"));
		String e = predictFails(predict);
		assertTrue(e, e.contains("model.json") && e.contains("format version 7"));
		Files.writeString(json, text.substring(0, text.length() / 2));
		e = predictFails(predict);
		assertTrue(e, e.contains("model.json") && e.contains("cannot be read"));
		Files.writeString(json, text);
		Files.delete(model.resolve("best/saved_model.pb"));
		e = predictFails(predict);
		assertTrue(e, e.contains("best") && e.contains("saved_model.pb is missing"));
	}

	private static String predictFails(List<String> args) {
		StringBuilder err = new StringBuilder();
		assertEquals(err.toString(), 2, TrainingFixture.run(args, err));
		return err.toString().trim();
	}
}
