package org.labelefficient.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
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
import org.labelefficient.cli.Main;
import org.labelefficient.data.BatchPlan.LabelKind;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;
import org.labelefficient.method.Methods;
import org.labelefficient.ui.ResultImages;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleInfo;
import org.scijava.module.ModuleService;

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
		Module m = run(TrainFromScribblesCommand.class, p);
		assertFalse(reason(m), canceled(m));
	}

	@AfterClass
	public static void dispose() {
		context.dispose();
	}

	/**
	 * Runs a command as the Fiji menu does, through the ModuleService: the training commands are dynamic commands
	 * (their method lists come from the registry), whose modules CommandService.run cannot return.
	 */
	private static Module run(Class<? extends Command> command, Map<String, Object> inputs) throws Exception {
		return context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(command), true,
			inputs).get();
	}

	private static boolean canceled(Module m) {
		return ((Cancelable) m).isCanceled();
	}

	private static String reason(Module m) {
		return ((Cancelable) m).getCancelReason();
	}

	@Test
	public void exportAndImportRunAsFijiCommands() throws Exception {
		Path pack = tmp.getRoot().toPath().resolve("fiji-package.zip"), back = tmp.getRoot().toPath().resolve("fiji-back");
		Module e = run(ExportBioimageCommand.class, Map.of("model", model.toFile(), "output", pack.toFile(), "authors",
			"A. Tester"));
		assertFalse(reason(e), canceled(e));
		assertTrue(Files.size(pack) > 1000);
		Module i = run(ImportBioimageCommand.class, Map.of("input", pack.toFile(), "output", back.toFile()));
		assertFalse(reason(i), canceled(i));
		assertTrue(Files.isRegularFile(back.resolve("best/saved_model.pb")));
		Module bad = run(ExportBioimageCommand.class, Map.of("model", tmp.getRoot(), "output", pack.toFile()));
		assertEquals(tmp.getRoot().toPath().resolve("model.json") + ": missing: this folder is not a model written by "
			+ "Label-Efficient Segmentation", reason(bad));
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
		Module m = run(PredictImageCommand.class, Map.of("image", image, "model", model.toFile(), "uncertainty",
			true, "overlay", true));
		assertFalse(reason(m), canceled(m));
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
		Module m = run(PredictImageCommand.class, Map.of("image", image, "model", model.toFile(), "overlay",
			false, "probabilities", true, "uncertainty", false));
		assertFalse(reason(m), canceled(m));
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
		Module p = run(PredictFolderCommand.class, Map.of("model", model.toFile(), "input", data.testImages()
			.toFile(), "output", out));
		assertFalse(reason(p), canceled(p));
		assertTrue(new File(out, "test00.nii.gz").isFile());
		File csv = tmp.getRoot().toPath().resolve("metrics.csv").toFile();
		Module e = run(EvaluateCommand.class, Map.of("prediction", out, "reference", data.testLabels().toFile(),
			"spacing", "", "output", csv));
		assertFalse(reason(e), canceled(e));
		List<String> lines = Files.readAllLines(csv.toPath());
		assertEquals("case,class,dice,jaccard,hd95,asd,assd", lines.get(0));
		assertEquals(7, lines.size()); // 3 classes of 1 case, then 3 mean rows
	}

	@Test
	public void modelInfoRunsAndBadInputCancelsWithOneSentence() throws Exception {
		Module info = run(ModelInfoCommand.class, Map.of("model", model.toFile()));
		assertFalse(reason(info), canceled(info));
		Path missing = tmp.getRoot().toPath().resolve("no-such-dataset");
		Path target = tmp.getRoot().toPath().resolve("never");
		Map<String, Object> p = new HashMap<>(Map.of("dataset", missing.toFile(), "method", "pce", "output", target
			.toFile(), "iterations", 4, "batch_size", 2, "patch_size", 32, "seed", 1, "unlabelled_value", 255));
		p.put("validation_interval", 2);
		Module m = run(TrainFromScribblesCommand.class, p);
		assertTrue(canceled(m));
		assertEquals(missing + ": dataset folder not found", reason(m));
		assertFalse(Files.exists(target.resolve("model.json")));
		Module empty = run(PredictImageCommand.class, Map.of("image", new ImagePlus(), "model", model.toFile()));
		assertTrue(canceled(empty));
		assertEquals("There is no image to segment; open one first.", reason(empty));
	}

	@Test
	public void generateScribblesDrawsStrokesInsideTheirClasses() throws Exception {
		Volume labels = VolumeIO.read(data.testLabels().resolve("test00.nii.gz"));
		Module m = run(GenerateScribblesCommand.class, Map.of("labels", ImageJFormats.toImagePlus(labels, "l",
			VoxelType.UINT8), "coverage", 0.15, "margin", 1, "seed", 3L, "unlabelled_value", 255));
		assertFalse(reason(m), canceled(m));
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
	public void generateScribblesInBothModesDrawsStrokesOfEveryClassInsideIt() throws Exception {
		Volume labels = VolumeIO.read(data.testLabels().resolve("test00.nii.gz"));
		java.util.Set<Float> classes = new java.util.TreeSet<>();
		for (float f : labels.data())
			classes.add(f);
		for (String mode : new String[] { "slices", "volume" }) {
			Module m = run(GenerateScribblesCommand.class, Map.of("labels", ImageJFormats.toImagePlus(labels, "l",
				VoxelType.UINT8), "coverage", 0.15, "margin", 1, "scribble_mode", mode, "seed", 3L,
				"unlabelled_value", 255));
			assertFalse(reason(m), canceled(m));
			Volume s = ImageJFormats.fromImagePlus((ImagePlus) m.getOutput("scribbles"));
			java.util.Set<Float> scribbled = new java.util.TreeSet<>();
			for (int i = 0; i < s.data().length; i++)
				if (s.data()[i] != 255) {
					scribbled.add(s.data()[i]);
					assertEquals(labels.data()[i], s.data()[i], 0);
				}
			assertEquals(mode, classes, scribbled);
		}
	}

	@Test
	public void scribblesFromAnEmptyRoiManagerExplainWhatToDo() throws Exception {
		Module m = run(ScribblesFromRoiManagerCommand.class, Map.of("image", new ImagePlus("x", new ij.process
			.ByteProcessor(8, 8)), "unlabelled_value", 255));
		assertTrue(canceled(m));
		assertTrue(reason(m), reason(m).startsWith("The ROI Manager is empty"));
	}

	@Test
	public void continueTrainingReachesTheNewTotal() throws Exception {
		Path copy = tmp.getRoot().toPath().resolve("continued");
		org.labelefficient.io.AtomicFiles.copyDirectory(model, copy);
		Module m = run(ContinueTrainingCommand.class, Map.of("model", copy.toFile(), "iterations", 6));
		assertFalse(reason(m), canceled(m));
		assertEquals(6, org.labelefficient.model.ModelInfo.read(copy).iterationsDone);
		Module again = run(ContinueTrainingCommand.class, Map.of("model", copy.toFile(), "iterations", 5));
		assertTrue(canceled(again));
		assertTrue(reason(again), reason(again).contains("has already trained 6 iterations"));
	}

	@Test
	public void trainSemiSupervisedUsesTheUnlabelledImages() throws Exception {
		assertEquals("mean-teacher", org.labelefficient.model.ModelInfo.read(semiModel()).method);
	}

	@Test
	public void improveWithUnlabelledImagesStartsANewModelFromATrainedOne() throws Exception {
		Path start = semiModel(), out = tmp.getRoot().toPath().resolve("improved-model");
		Module m = run(ImproveWithUnlabelledCommand.class, Map.of("model", start.toFile(), "method", "reciprocal",
			"output", out.toFile(), "iterations", 2));
		assertFalse(reason(m), canceled(m));
		org.labelefficient.model.ModelInfo info = org.labelefficient.model.ModelInfo.read(out);
		assertEquals("reciprocal", info.method);
		assertEquals(2, info.iterationsDone);
		assertEquals(start.toString(), info.training.get("init_model"));
		Module missing = run(ImproveWithUnlabelledCommand.class, Map.of("model", start.toFile(), "method",
			"reciprocal", "output", tmp.getRoot().toPath().resolve("improved-2").toFile(), "iterations", 2,
			"unlabelled_images", tmp.getRoot().toPath().resolve("no-such-folder").toFile()));
		assertTrue(canceled(missing));
		assertTrue(reason(missing), reason(missing).contains("no-such-folder"));
	}

	@Test
	public void improveOffersActionForASliceModelAndReciprocalForAVolumeModel() throws Exception {
		Module dialog = initialized(ImproveWithUnlabelledCommand.class);
		assertEquals("action", dialog.getInput("method"));
		org.labelefficient.model.ModelInfo volume = org.labelefficient.model.ModelInfo.read(semiModel());
		volume.dimensions = 3;
		volume.pooling = new int[volume.channels.length - 1][];
		java.util.Arrays.fill(volume.pooling, new int[] { 2, 2, 2 });
		volume.patchShape = new int[] { 32, 32, 32 };
		Path volumeModel = Files.createDirectories(tmp.getRoot().toPath().resolve("volume-model"));
		volume.write(volumeModel);
		choose(dialog, volumeModel);
		assertEquals("reciprocal", dialog.getInput("method"));
		List<?> choices = dialog.getInfo().getInput("method").getChoices();
		assertFalse(choices.toString(), choices.contains("action"));
		assertTrue(choices.toString(), choices.contains("mean-teacher"));
		choose(dialog, semiModel());
		assertTrue(dialog.getInfo().getInput("method").getChoices().contains("action"));
		assertEquals("a choice the slice model allows is kept", "reciprocal", dialog.getInput("method"));
	}

	/** Picks {@code model} in an open dialog, which runs the field's callback as the dialog does. */
	private static void choose(Module dialog, Path model) throws Exception {
		dialog.setInput("model", model.toFile());
		dialog.getInfo().getInput("model").callback(dialog);
	}

	private static Path semiModel;

	/** A mean-teacher model trained once through the Train Semi-Supervised command. */
	private static synchronized Path semiModel() throws Exception {
		if (semiModel != null) return semiModel;
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
		Module m = run(TrainSemiSupervisedCommand.class, p);
		assertFalse(reason(m), canceled(m));
		semiModel = out;
		return out;
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
		Module m = run(TrainOnCurrentImageCommand.class, Map.of("image", image, "scribbles", scribbles,
			"method", "pce", "output", out, "iterations", 3, "patch_size", 32, "unlabelled_value", 255, "seed", 1));
		assertFalse(reason(m), canceled(m));
		assertTrue(new File(out, "model.json").isFile());

		ImagePlus smaller = new ImagePlus("small", new ij.process.ByteProcessor(16, 16));
		Module bad = run(TrainOnCurrentImageCommand.class, Map.of("image", image, "scribbles", smaller,
			"method", "pce", "output", out, "iterations", 3, "patch_size", 32, "unlabelled_value", 255, "seed", 1));
		assertTrue(canceled(bad));
		assertTrue(reason(bad), reason(bad).startsWith("The scribbles (small, 16x16x1) must have "
			+ "the size of the image (image, 64x64x"));
	}

	@Test
	public void theDialogsOfferTheRegisteredMethods() throws Exception {
		List<String> scribble = Methods.ids(LabelKind.SCRIBBLE), dense = Methods.ids(LabelKind.DENSE);
		List<String> all = new ArrayList<>(scribble);
		all.addAll(dense);
		assertEquals(all, methodChoices(TrainFromScribblesCommand.class));
		assertEquals(dense, methodChoices(TrainSemiSupervisedCommand.class));
		assertEquals(scribble, methodChoices(TrainOnCurrentImageCommand.class));
		assertTrue(scribble.containsAll(List.of("pce", "scribsd")) && dense.containsAll(List.of("supervised", "action")));
	}

	@Test
	public void theDialogsBoundTheirNumbersAsTheDeclarationsDo() throws Exception {
		ModuleInfo scribbles = initialized(TrainFromScribblesCommand.class).getInfo();
		assertEquals(1, scribbles.getInput("iterations").getMinimumValue());
		assertEquals(16, scribbles.getInput("patch_size").getMinimumValue());
		assertEquals(1, scribbles.getInput("validation_interval").getMinimumValue());
		ModuleInfo semi = initialized(TrainSemiSupervisedCommand.class).getInfo();
		assertEquals(-1, semi.getInput("labelled_patients").getMinimumValue());
		assertEquals("half labelled, half unlabelled: the dialog's own bound", 2, semi.getInput("batch_size")
			.getMinimumValue());
		assertEquals(1, initialized(ContinueTrainingCommand.class).getInfo().getInput("iterations").getMinimumValue());
		assertEquals(List.of("crop", "slice"), scribbles.getInput("sampling").getChoices());
		assertEquals(List.of("crop", "slice"), semi.getInput("sampling").getChoices());
	}

	/** A command's module once its initializers have run, as when its dialog opens. */
	private static Module initialized(Class<? extends Command> command) throws Exception {
		CommandInfo info = context.service(CommandService.class).getCommand(command);
		Module module = context.service(ModuleService.class).createModule(info);
		module.initialize();
		return module;
	}

	/** The method choices of a command's dialog. */
	private static List<String> methodChoices(Class<? extends Command> command) throws Exception {
		return initialized(command).getInfo().getInput("method").getChoices().stream().map(String::valueOf).toList();
	}

	@Test
	public void aFailedTrainingCancelsWithTheSentenceTheCommandLinePrints() throws Exception {
		Path root = tmp.getRoot().toPath(), diverging = root.resolve("diverging"), copy = root.resolve("diverging-cli");
		// four sane steps recorded with a step schedule whose learning rate grows 1e8-fold at iteration 10
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errors =
			new PrintStream(err, true, StandardCharsets.UTF_8);
		assertEquals(0, Main.run(new String[] { "train", "dataset=" + data.dataset(), "method=pce", "output="
			+ diverging, "iterations=4", "batch_size=2", "patch_size=32", "validation_interval=2", "base_channels=4",
			"optimizer=sgd", "learning_rate=0.01", "lr_schedule=step", "lr_step=10", "lr_gamma=1e8" }, out, errors));
		org.labelefficient.io.AtomicFiles.copyDirectory(diverging, copy);
		Module m = run(ContinueTrainingCommand.class, Map.of("model", diverging.toFile(), "iterations", 300));
		assertTrue("canceled, not thrown", canceled(m));
		assertTrue(reason(m), reason(m).matches("The (loss|weights) became .* training stopped.*"));
		assertEquals(3, Main.run(new String[] { "continue", "model=" + copy, "iterations=300" }, out, errors));
		assertEquals("Error: " + reason(m).replace(diverging.toString(), copy.toString()), err.toString(
			StandardCharsets.UTF_8).trim());
	}

	@Test
	public void aMethodsOwnSettingsGoFromTheDialogToTheRun() throws Exception {
		Path out = tmp.getRoot().toPath().resolve("model-kd");
		Map<String, Object> p = new HashMap<>(Map.of("dataset", data.dataset().toFile(), "method", "scribsd", "output", out
			.toFile(), "iterations", 2, "batch_size", 2, "patch_size", 32, "seed", 1, "unlabelled_value", 255));
		p.put("method_settings", "kd_weight=0.25 contrast_weight=0");
		Module m = run(TrainFromScribblesCommand.class, p);
		assertFalse(reason(m), canceled(m));
		var info = org.labelefficient.model.ModelInfo.read(out);
		assertEquals(0.25, Double.parseDouble(info.methodSettings.get("kd_weight")), 0);
		assertEquals(0.0, Double.parseDouble(info.methodSettings.get("contrast_weight")), 0);
		p.put("method_settings", "kd_wieght=1");
		p.put("output", tmp.getRoot().toPath().resolve("model-misspelt").toFile());
		Module bad = run(TrainFromScribblesCommand.class, p);
		assertTrue(canceled(bad));
		assertTrue(reason(bad), reason(bad).startsWith("Unknown option kd_wieght for train"));
		assertFalse(Files.exists(tmp.getRoot().toPath().resolve("model-misspelt")));
	}
}
