package org.labelefficient.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;
import org.labelefficient.ui.ResultImages;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import ij.ImagePlus;

/** The Fiji commands run headless through SciJava's CommandService with parameter maps, as a macro or script does. */
public class CommandsTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static Context context;
	private static DemoDataset.Layout data;
	private static Path model;

	@BeforeClass
	public static void trainOnce() throws Exception {
		context = new Context(CommandService.class, LogService.class, StatusService.class);
		Path root = tmp.getRoot().toPath();
		data = new DemoDataset(64, 2).write(root.resolve("data"), 3, 1, 1);
		model = root.resolve("model");
		Map<String, Object> p = new HashMap<>(Map.of("dataset", data.dataset().toFile(), "method", "pce", "output", model
			.toFile(), "iterations", 4, "batch_size", 2, "patch_size", 32, "seed", 1, "unlabelled_value", 255));
		p.put("validation_interval", 2);
		CommandModule m = run(TrainFromScribblesCommand.class, p);
		assertFalse(m.getCancelReason(), m.isCanceled());
	}

	@AfterClass
	public static void dispose() {
		context.dispose();
	}

	private static CommandModule run(Class<? extends Command> command, Map<String, Object> inputs) throws Exception {
		return context.service(CommandService.class).run(command, true, inputs).get();
	}

	@Test
	public void trainWritesAModel() {
		assertTrue(Files.isRegularFile(model.resolve("model.json")));
		assertTrue(Files.isDirectory(model.resolve("best")));
	}

	@Test
	public void predictCurrentImageReturnsALabelImage() throws Exception {
		Volume v = VolumeIO.read(data.testImages().resolve("test00.nii.gz"));
		ImagePlus image = ImageJFormats.toImagePlus(v, "test00", VoxelType.FLOAT32);
		CommandModule m = run(PredictImageCommand.class, Map.of("image", image, "model", model.toFile(), "uncertainty",
			true, "overlay", true));
		assertFalse(m.getCancelReason(), m.isCanceled());
		ImagePlus labels = (ImagePlus) m.getOutput("labels");
		assertEquals(64, labels.getWidth());
		assertEquals(2, labels.getStackSize());
		Volume l = ImageJFormats.fromImagePlus(labels);
		for (float x : l.data())
			assertTrue(x >= 0 && x <= 3);
		Volume u = ImageJFormats.fromImagePlus((ImagePlus) m.getOutput("uncertainty_map"));
		for (float x : u.data())
			assertTrue(x >= 0 && x <= 1.0001);
		assertEquals("labels drawn over the input, one element per slice", 2, image.getOverlay().size());
		assertEquals(ResultImages.colour(1).getRGB(), labels.getProcessor().getColorModel().getRGB(1));
	}

	@Test
	public void predictImageShowsProbabilitiesWhoseArgmaxIsTheLabel() throws Exception {
		ImagePlus image = ImageJFormats.toImagePlus(VolumeIO.read(data.testImages().resolve("test00.nii.gz")), "t",
			VoxelType.FLOAT32);
		CommandModule m = run(PredictImageCommand.class, Map.of("image", image, "model", model.toFile(), "overlay",
			false, "probabilities", true, "uncertainty", false));
		assertFalse(m.getCancelReason(), m.isCanceled());
		assertNull(image.getOverlay());
		ImagePlus p = (ImagePlus) m.getOutput("probability_maps");
		Volume labels = ImageJFormats.fromImagePlus((ImagePlus) m.getOutput("labels"));
		assertEquals(4, p.getNChannels());
		assertEquals(labels.depth(), p.getNSlices());
		int n = labels.sliceSize();
		for (int z = 0; z < labels.depth(); z++)
			for (int i = 0; i < n; i += 7) {
				double sum = 0, max = -1;
				int argmax = -1;
				for (int c = 0; c < 4; c++) {
					float v = p.getStack().getProcessor(p.getStackIndex(c + 1, z + 1, 1)).getf(i);
					sum += v;
					if (v > max) {
						max = v;
						argmax = c;
					}
				}
				assertEquals(1, sum, 1e-4);
				assertEquals(labels.data()[z * n + i], argmax, 0);
			}
	}

	@Test
	public void predictFolderAndEvaluateWriteTheirFiles() throws Exception {
		File out = tmp.getRoot().toPath().resolve("pred").toFile();
		CommandModule p = run(PredictFolderCommand.class, Map.of("model", model.toFile(), "input", data.testImages()
			.toFile(), "output", out));
		assertFalse(p.getCancelReason(), p.isCanceled());
		assertTrue(new File(out, "test00.nii.gz").isFile());
		File csv = tmp.getRoot().toPath().resolve("metrics.csv").toFile();
		CommandModule e = run(EvaluateCommand.class, Map.of("prediction", out, "reference", data.testLabels().toFile(),
			"spacing", "", "output", csv));
		assertFalse(e.getCancelReason(), e.isCanceled());
		List<String> lines = Files.readAllLines(csv.toPath());
		assertEquals("case,class,dice,jaccard,hd95,asd,assd", lines.get(0));
		assertEquals(7, lines.size()); // 3 classes of 1 case, then 3 mean rows
	}

	@Test
	public void modelInfoRunsAndBadInputCancelsWithOneSentence() throws Exception {
		CommandModule info = run(ModelInfoCommand.class, Map.of("model", model.toFile()));
		assertFalse(info.getCancelReason(), info.isCanceled());
		Path missing = tmp.getRoot().toPath().resolve("no-such-dataset");
		Path target = tmp.getRoot().toPath().resolve("never");
		Map<String, Object> p = new HashMap<>(Map.of("dataset", missing.toFile(), "method", "pce", "output", target
			.toFile(), "iterations", 4, "batch_size", 2, "patch_size", 32, "seed", 1, "unlabelled_value", 255));
		p.put("validation_interval", 2);
		CommandModule m = run(TrainFromScribblesCommand.class, p);
		assertTrue(m.isCanceled());
		assertEquals(missing + ": dataset folder not found", m.getCancelReason());
		assertFalse(Files.exists(target.resolve("model.json")));
		CommandModule empty = run(PredictImageCommand.class, Map.of("image", new ImagePlus(), "model", model.toFile()));
		assertTrue(empty.isCanceled());
		assertEquals("There is no image to segment; open one first.", empty.getCancelReason());
	}

	@Test
	public void generateScribblesDrawsStrokesInsideTheirClasses() throws Exception {
		Volume labels = VolumeIO.read(data.testLabels().resolve("test00.nii.gz"));
		CommandModule m = run(GenerateScribblesCommand.class, Map.of("labels", ImageJFormats.toImagePlus(labels, "l",
			VoxelType.UINT8), "coverage", 0.15, "margin", 1, "seed", 3L, "unlabelled_value", 255));
		assertFalse(m.getCancelReason(), m.isCanceled());
		Volume s = ImageJFormats.fromImagePlus((ImagePlus) m.getOutput("scribbles"));
		int strokes = 0;
		for (int i = 0; i < s.data().length; i++)
			if (s.data()[i] != 255) {
				strokes++;
				assertEquals(labels.data()[i], s.data()[i], 0);
			}
		assertTrue(strokes > 0);
	}

	@Test
	public void scribblesFromAnEmptyRoiManagerExplainWhatToDo() throws Exception {
		CommandModule m = run(ScribblesFromRoiManagerCommand.class, Map.of("image", new ImagePlus("x", new ij.process
			.ByteProcessor(8, 8)), "unlabelled_value", 255));
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason(), m.getCancelReason().startsWith("The ROI Manager is empty"));
	}

	@Test
	public void continueTrainingReachesTheNewTotal() throws Exception {
		Path copy = tmp.getRoot().toPath().resolve("continued");
		org.labelefficient.io.AtomicFiles.copyDirectory(model, copy);
		CommandModule m = run(ContinueTrainingCommand.class, Map.of("model", copy.toFile(), "iterations", 6));
		assertFalse(m.getCancelReason(), m.isCanceled());
		assertEquals(6, org.labelefficient.model.ModelInfo.read(copy).iterationsDone);
		CommandModule again = run(ContinueTrainingCommand.class, Map.of("model", copy.toFile(), "iterations", 5));
		assertTrue(again.isCanceled());
		assertTrue(again.getCancelReason(), again.getCancelReason().contains("has already trained 6 iterations"));
	}

	@Test
	public void trainSemiSupervisedUsesTheUnlabelledImages() throws Exception {
		Path ds = tmp.getRoot().toPath().resolve("semi");
		Files.createDirectories(ds.resolve("labels"));
		for (String name : new String[] { "train00", "train01", "train02" })
			Files.copy(data.dataset().resolve("images/" + name + ".nii.gz"), Files.createDirectories(ds.resolve(
				"images")).resolve(name + ".nii.gz"));
		Files.copy(data.dataset().resolve("images/val00.nii.gz"), ds.resolve("images/val00.nii.gz"));
		Files.copy(data.dataset().resolve("labels/val00.nii.gz"), ds.resolve("labels/val00.nii.gz"));
		Path out = tmp.getRoot().toPath().resolve("semi-model");
		Map<String, Object> p = new HashMap<>(Map.of("dataset", ds.toFile(), "method", "mean-teacher",
			"labelled_patients", -1, "output", out.toFile(), "iterations", 3, "batch_size", 2, "patch_size", 32, "seed",
			1, "validation_interval", 3));
		CommandModule m = run(TrainSemiSupervisedCommand.class, p);
		assertFalse(m.getCancelReason(), m.isCanceled());
		assertEquals("mean-teacher", org.labelefficient.model.ModelInfo.read(out).method);
	}

	@Test
	public void trainOnCurrentImageLearnsFromTheOpenImageAndItsScribbles() throws Exception {
		Path dataset = data.dataset();
		String name;
		try (var files = Files.list(dataset.resolve("scribbles"))) {
			name = files.findFirst().orElseThrow().getFileName().toString();
		}
		ImagePlus image = ImageJFormats.toImagePlus(VolumeIO.read(dataset.resolve("images").resolve(name)), "image",
			VoxelType.FLOAT32);
		ImagePlus scribbles = ImageJFormats.toImagePlus(VolumeIO.read(dataset.resolve("scribbles").resolve(name)),
			"scribbles", VoxelType.UINT8);
		File out = tmp.getRoot().toPath().resolve("current-image-model").toFile();
		CommandModule m = run(TrainOnCurrentImageCommand.class, Map.of("image", image, "scribbles", scribbles,
			"method", "pce", "output", out, "iterations", 3, "patch_size", 32, "unlabelled_value", 255, "seed", 1));
		assertFalse(m.getCancelReason(), m.isCanceled());
		assertTrue(new File(out, "model.json").isFile());

		ImagePlus smaller = new ImagePlus("small", new ij.process.ByteProcessor(16, 16));
		CommandModule bad = run(TrainOnCurrentImageCommand.class, Map.of("image", image, "scribbles", smaller,
			"method", "pce", "output", out, "iterations", 3, "patch_size", 32, "unlabelled_value", 255, "seed", 1));
		assertTrue(bad.isCanceled());
		assertTrue(bad.getCancelReason(), bad.getCancelReason().startsWith("The scribbles (small, 16x16x1) must have "
			+ "the size of the image (image, 64x64x"));
	}
}
