package org.labelefficient.bioimage;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.labelefficient.bioimage.PackageExportTest.list;
import static org.labelefficient.bioimage.PackageExportTest.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.VolumeIO;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code import} turns an exported package back into a model folder that predicts the same labels; packages whose
 * weights, axes or preprocessing predict cannot honour are refused in one sentence naming rdf.yaml and the field.
 */
public class PackageImportTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	private static TinyModel tiny;
	private static Path pack;

	@BeforeClass
	public static void exportTinyModel() throws IOException {
		tiny = TinyModel.shared();
		pack = TinyModel.sharedPackage();
	}

	@Test
	public void exportThenImportPredictsIdenticalLabels() throws IOException {
		Path imported = TMP.getRoot().toPath().resolve("imported");
		assertEquals(0, TinyModel.cli("import", "input=" + pack, "output=" + imported));
		Path a = TMP.getRoot().toPath().resolve("original.nii.gz"), b = TMP.getRoot().toPath().resolve(
			"imported.nii.gz");
		assertEquals(0, TinyModel.cli("predict", "model=" + tiny.model, "input=" + tiny.testImage(), "output=" + a));
		assertEquals(0, TinyModel.cli("predict", "model=" + imported, "input=" + tiny.testImage(), "output=" + b));
		float[] original = VolumeIO.read(a).data(), again = VolumeIO.read(b).data();
		assertArrayEquals(original, again, 0);
		assertTrue("the model segments something", max(original) > 0);
		assertEquals("Error: " + imported + ": already exists: import writes a new model folder, choose another "
			+ "output", TinyModel.cliError("import", "input=" + pack, "output=" + imported));
		try (java.util.stream.Stream<Path> left = Files.list(imported.getParent())) {
			assertEquals("no temporary folder left", 0, left.filter(f -> f.getFileName().toString().startsWith("."))
				.count());
		}
	}

	/**
	 * A package from another tool has no model.json: the folder is made from the rdf, with the test input's size
	 * (here the synthetic 32x32 input, the model's patch size) as tile size, so the labels are again identical.
	 */
	@Test
	public void aPackageWithoutModelJsonIsImportedFromItsRdf() throws IOException {
		Path folder = unpacked("foreign", rdf -> rdf.remove("attachments"));
		Files.delete(folder.resolve("model.json"));
		Path imported = TMP.getRoot().toPath().resolve("foreign-model");
		assertEquals(0, TinyModel.cli("import", "input=" + folder, "output=" + imported));
		try (ModelPredictor p = ModelPredictor.open(imported, PredictionOptions.defaults()); ModelPredictor o =
			ModelPredictor.open(tiny.model, PredictionOptions.defaults())) {
			assertEquals(List.of("background", "class_1", "class_2", "class_3"), p.info().classNames);
			assertEquals("zscore", p.info().normalization);
			assertEquals(32, p.info().patchSize);
			assertEquals(16, p.info().network().sizeDivisor());
			assertArrayEquals(o.segment(VolumeIO.read(tiny.testImage()), "test").labels().data(), p.segment(VolumeIO
				.read(tiny.testImage()), "test").labels().data(), 0);
		}
	}

	@Test
	public void otherWeightsAreRefused() throws IOException {
		Path folder = unpacked("torch", rdf -> rdf.put("weights", Map.of("pytorch_state_dict", Map.of("source",
			"weights.pt"))));
		assertEquals("Error: " + folder.resolve("rdf.yaml") + ": field weights offers pytorch_state_dict only; this "
			+ "plugin runs tensorflow_saved_model_bundle weights", importError(folder));
	}

	@Test
	public void otherAxesAreRefused() throws IOException {
		Path folder = unpacked("bcyx", rdf -> {
			List<Object> axes = list(map(list(rdf.get("inputs")).get(0)).get("axes"));
			axes.add(1, axes.remove(3));
		});
		assertEquals("Error: " + folder.resolve("rdf.yaml") + ": field inputs[0].axes is batch, channel, y, x; this "
			+ "plugin runs models whose input axes are batch, y, x, channel", importError(folder));
	}

	@Test
	public void preprocessingThatCannotBeHonouredIsRefused() throws IOException {
		Path folder = unpacked("percentiles", rdf -> map(list(rdf.get("inputs")).get(0)).put("preprocessing", List.of(
			Map.of("id", "scale_range", "kwargs", Map.of("axes", List.of("y", "x"), "min_percentile", 1.0,
				"max_percentile", 99.8)))));
		String error = importError(folder);
		assertTrue(error, error.startsWith("Error: " + folder.resolve("rdf.yaml")
			+ ": field inputs[0].preprocessing[0].kwargs is "));
		assertTrue(error, error.endsWith("this plugin's minmax maps the image's minimum and maximum (percentiles 0 and "
			+ "100 over y and x) to 0 and 1"));
		Path other = unpacked("fixed", rdf -> map(list(rdf.get("inputs")).get(0)).put("preprocessing", List.of(Map.of(
			"id", "fixed_zero_mean_unit_variance", "kwargs", Map.of("mean", 3.0, "std", 2.0)))));
		assertEquals("Error: " + other.resolve("rdf.yaml") + ": field inputs[0].preprocessing[0].id is "
			+ "fixed_zero_mean_unit_variance; this plugin applies zero_mean_unit_variance, scale_range (0 to 100 "
			+ "percent) or ensure_dtype", importError(other));
	}

	private static String importError(Path folder) {
		Path out = folder.resolveSibling(folder.getFileName() + "-model");
		String error = TinyModel.cliError("import", "input=" + folder, "output=" + out);
		assertFalse("nothing is written", Files.exists(out));
		return error;
	}

	/** The package unpacked into a folder of its own, with its rdf changed by {@code change}. */
	private static Path unpacked(String name, Consumer<Map<String, Object>> change) throws IOException {
		Path folder = PackageImport.unzip(pack, TMP.newFolder(name).toPath());
		Path file = folder.resolve("rdf.yaml");
		Map<String, Object> rdf = new Yaml().load(Files.readString(file));
		change.accept(rdf);
		AtomicFiles.writeString(file, new Yaml().dump(rdf));
		return folder;
	}

	private static float max(float[] values) {
		float m = Float.NEGATIVE_INFINITY;
		for (float v : values)
			m = Math.max(m, v);
		return m;
	}
}
