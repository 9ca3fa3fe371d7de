package org.labelefficient.bioimage;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.AtomicFiles;
import org.labelefficient.nn.Tensors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.TensorFlow;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code export} writes a bioimage.io 0.5 package whose rdf carries every field the specification requires, whose
 * weights, loaded by TensorFlow from the weights zip alone, reproduce the test output from the test input within the
 * specification's tolerance, and whose .npy files read back; a model folder with a missing part is refused in one
 * sentence naming the file and the field.
 */
public class PackageExportTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	private static TinyModel tiny;
	private static Path unpacked;
	private static Map<String, Object> rdf;

	@BeforeClass
	public static void exportTinyModel() throws IOException {
		tiny = TinyModel.shared();
		Path pack = TMP.getRoot().toPath().resolve("tiny.zip");
		assertEquals(0, TinyModel.cli("export", "model=" + tiny.model, "output=" + pack, "test_image=" + tiny
			.testImage(), "authors=Ada Lovelace, Alan Turing"));
		unpacked = PackageImport.unzip(pack, TMP.newFolder("unpacked").toPath());
		rdf = new Yaml().load(Files.readString(unpacked.resolve("rdf.yaml")));
	}

	/**
	 * The fields ModelDescr of bioimageio.spec 0.5 (model/v0_5.py) requires (no default) or marks FAIR, with the
	 * required fields of the tensors and of the weights entry.
	 */
	@Test
	public void rdfCarriesEveryFieldTheSpecificationRequires() throws IOException {
		for (String field : List.of("format_version", "type", "name", "description", "authors", "cite", "license",
			"documentation", "covers", "inputs", "outputs", "weights", "tags"))
			assertNotNull("rdf.yaml lacks " + field, rdf.get(field));
		assertTrue(rdf.get("format_version").toString().startsWith("0.5."));
		assertEquals("model", rdf.get("type"));
		assertEquals("CC-BY-4.0", rdf.get("license"));
		assertEquals(List.of(Map.of("name", "Ada Lovelace"), Map.of("name", "Alan Turing")), rdf.get("authors"));
		Map<String, Object> cite = map(list(rdf.get("cite")).get(0));
		assertNotNull(cite.get("text"));
		assertTrue("a citation needs a doi or a url", cite.containsKey("doi") || cite.containsKey("url"));
		for (String tensorList : List.of("inputs", "outputs")) {
			Map<String, Object> t = map(list(rdf.get(tensorList)).get(0));
			for (String field : List.of("id", "axes", "test_tensor", "data"))
				assertNotNull(tensorList + "[0] lacks " + field, t.get(field));
			List<Object> axes = list(t.get("axes"));
			assertEquals(List.of("batch", "space", "space", "channel"), axes.stream().map(a -> map(a).get("type"))
				.toList());
			assertEquals("y", map(axes.get(1)).get("id"));
			assertEquals("x", map(axes.get(2)).get("id"));
		}
		Map<String, Object> input = map(list(rdf.get("inputs")).get(0));
		assertEquals(Map.of("min", 16, "step", 16), map(list(input.get("axes")).get(1)).get("size"));
		assertEquals(List.of(Map.of("id", "zero_mean_unit_variance", "kwargs", Map.of("axes", List.of("y", "x"), "eps",
			1e-6))), input.get("preprocessing"));
		Map<String, Object> output = map(list(rdf.get("outputs")).get(0));
		assertEquals(List.of("background", "class_1", "class_2", "class_3"), map(list(output.get("axes")).get(3)).get(
			"channel_names"));
		Map<String, Object> tf = map(map(rdf.get("weights")).get("tensorflow_saved_model_bundle"));
		assertEquals(PackageExport.WEIGHTS, tf.get("source"));
		assertEquals(TensorFlow.version(), tf.get("tensorflow_version"));
		assertTrue(Files.readString(unpacked.resolve("README.md")).contains("## Validation"));
	}

	@Test
	public void everyFileNamedInTheRdfIsInThePackageWithItsHash() throws IOException {
		for (Object source : List.of(map(map(rdf.get("weights")).get("tensorflow_saved_model_bundle")), map(map(list(rdf
			.get("inputs")).get(0)).get("test_tensor")), map(map(list(rdf.get("outputs")).get(0)).get("test_tensor")),
			map(list(rdf.get("attachments")).get(0)))) {
			Map<String, Object> f = map(source);
			assertEquals(f.get("sha256"), Rdf.sha256(Files.readAllBytes(unpacked.resolve((String) f.get("source")))));
		}
		assertTrue(Files.size(unpacked.resolve((String) list(rdf.get("covers")).get(0))) > 100);
		assertTrue(Files.isRegularFile(unpacked.resolve((String) rdf.get("documentation"))));
	}

	@Test
	public void npyFilesReadBackWithTheirDtypeAndShape() throws IOException {
		Npy.Array in = Npy.read(Files.readAllBytes(unpacked.resolve(PackageExport.TEST_INPUT)));
		Npy.Array out = Npy.read(Files.readAllBytes(unpacked.resolve(PackageExport.TEST_OUTPUT)));
		assertEquals("<f4", in.dtype());
		assertArrayEquals(new long[] { 1, 64, 64, 1 }, in.shape());
		assertArrayEquals(new long[] { 1, 64, 64, 4 }, out.shape());
		// the test input is the middle slice of the test image, as read
		float[] image = org.labelefficient.io.VolumeIO.read(tiny.testImage()).slice(1).data();
		assertArrayEquals(image, in.data(), 0);
		for (int i = 0; i < 64 * 64; i++) {
			float sum = 0;
			for (int c = 0; c < 4; c++)
				sum += out.data()[i * 4 + c];
			assertEquals("probabilities sum to 1", 1, sum, 1e-5);
		}
	}

	/**
	 * Unzips the weights alone, loads them with TensorFlow, applies zero_mean_unit_variance as the specification
	 * defines it ({@code (x - mean) / (std + eps)} over the named axes) and compares with the test output under the
	 * specification's default tolerance: |out - expected| <= 1e-3 + 1e-3 |expected| (ReproducibilityTolerance).
	 */
	@Test
	public void weightsFromTheZipAloneReproduceTheTestOutput() throws IOException {
		Path weights = PackageImport.unzip(unpacked.resolve(PackageExport.WEIGHTS), TMP.newFolder("weights").toPath());
		assertTrue(Files.isRegularFile(weights.resolve("saved_model.pb")));
		assertTrue(Files.isDirectory(weights.resolve("variables")));
		Npy.Array in = Npy.read(Files.readAllBytes(unpacked.resolve(PackageExport.TEST_INPUT)));
		Npy.Array expected = Npy.read(Files.readAllBytes(unpacked.resolve(PackageExport.TEST_OUTPUT)));
		float[] x = in.data().clone();
		double mean = 0, sq = 0;
		for (float v : x)
			mean += v / (double) x.length;
		for (float v : x)
			sq += (v - mean) * (v - mean) / x.length;
		double std = Math.sqrt(sq);
		for (int i = 0; i < x.length; i++)
			x[i] = (float) ((x[i] - mean) / (std + 1e-6));
		try (SavedModelBundle b = SavedModelBundle.load(weights.toString(), "serve")) {
			Signature s = b.signatures().stream().filter(g -> g.key().equals("serving_default")).findFirst()
				.orElseThrow();
			assertEquals("the rdf's tensor ids are the signature's names", map(list(rdf.get("inputs")).get(0)).get(
				"id"), s.inputNames().iterator().next());
			try (Tensor t = Tensors.floats(x, 1, 64, 64, 1); Result r = b.session().runner().feed(s.getInputs().values()
				.iterator().next().name, t).fetch(s.getOutputs().values().iterator().next().name).run()) {
				float[] got = Tensors.read(r.get(0));
				assertEquals(expected.data().length, got.length);
				for (int i = 0; i < got.length; i++)
					assertTrue("element " + i, Math.abs(got[i] - expected.data()[i]) <= 1e-3 + 1e-3 * Math.abs(
						expected.data()[i]));
			}
		}
	}

	@Test
	public void aModelFolderWithAMissingPartIsRefusedNamingTheFileAndTheField() throws IOException {
		Path broken = TMP.newFolder("broken").toPath();
		AtomicFiles.copyDirectory(tiny.model, broken.resolve("m"));
		Path m = broken.resolve("m");
		Files.delete(m.resolve("best/saved_model.pb"));
		String error = TinyModel.cliError("export", "model=" + m, "output=" + broken.resolve("p.zip"));
		assertEquals("Error: " + m.resolve("best/saved_model.pb") + ": missing: the package's weights (weights"
			+ ".tensorflow_saved_model_bundle in rdf.yaml) are made from the model's best SavedModel", error);
		assertFalse(Files.exists(broken.resolve("p.zip")));
		AtomicFiles.deleteRecursively(m.resolve("best"));
		AtomicFiles.copyDirectory(tiny.model.resolve("best"), m.resolve("best"));
		String json = Files.readString(m.resolve("model.json")).replaceAll("\"patch_size\": \\d+", "\"patch_size\": 0");
		Files.writeString(m.resolve("model.json"), json);
		assertEquals("Error: " + m.resolve("model.json") + ": field patch_size is missing: the package's input size "
			+ "(inputs[0].axes in rdf.yaml) is made from it", TinyModel.cliError("export", "model=" + m, "output="
				+ broken.resolve("p.zip")));
	}

	@Test
	public void theNameFollowsBioimageIoRules() {
		assertEquals("model", rdf.get("name"));
		assertEquals("my model- v1-2", PackageExport.defaultName(Path.of("/x/my model, v1.2")));
		assertEquals("m (LES)", PackageExport.defaultName(Path.of("/x/m")));
		assertEquals("Error: name may only hold letters, digits, spaces and _ + - ( ) and have 5 to 128 characters "
			+ "(bioimage.io's rule for a model's name), got 'Heart, v2'", TinyModel.cliError("export", "model="
				+ tiny.model, "output=" + TMP.getRoot().toPath().resolve("n.zip"), "name=Heart, v2"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object o) {
		return (Map<String, Object>) o;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object o) {
		return (List<Object>) o;
	}
}
