package org.labelefficient.bioimage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.labelefficient.io.Normalization;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.model.NetworkExporter;
import org.tensorflow.TensorFlow;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code rdf.yaml} of a packaged model, bioimage.io model description format 0.5 ({@value #FORMAT_VERSION}), and
 * its documentation page. The tensors are described as the SavedModel has them: input {@code image} with axes batch,
 * y, x, channel (one channel, float32, height and width multiples of the network's size divisor), output
 * {@code probabilities} with axes batch, y, x, channel (one softmax probability per class). The preprocessing is the
 * model's normalisation as {@code predict} applies it: {@code zero_mean_unit_variance} over y and x for
 * {@code zscore}, {@code scale_range} from the 0th to the 100th percentile for {@code minmax}, none for {@code none}.
 */
final class Rdf {

	/** The bioimage.io model description format written. */
	static final String FORMAT_VERSION = "0.5.7";
	/** The epsilon of the normalisations (the specification's default; ours differ from it by far less). */
	static final double EPS = 1e-6;
	/** The axis ids of both tensors, in the order of the SavedModel's dimensions. */
	static final List<String> AXES = List.of("batch", "y", "x", "channel");

	private final ModelInfo info;
	private final String name;
	private final PackageExport.Metadata metadata;
	private final int width, height, divisor;

	Rdf(ModelInfo info, String name, PackageExport.Metadata metadata, int width, int height, int divisor) {
		this.info = info;
		this.name = name;
		this.metadata = metadata;
		this.width = width;
		this.height = height;
		this.divisor = divisor;
	}

	/** The rdf.yaml text, with the SHA-256 of each of the package's {@code files} beside its name. */
	String yaml(Map<String, byte[]> files) {
		Map<String, Object> rdf = new LinkedHashMap<>();
		rdf.put("format_version", FORMAT_VERSION);
		rdf.put("type", "model");
		rdf.put("name", name);
		rdf.put("description", description());
		rdf.put("authors", authors());
		rdf.put("cite", Citations.of(info.method));
		rdf.put("license", metadata.license());
		rdf.put("documentation", PackageExport.DOCUMENTATION);
		rdf.put("covers", List.of(PackageExport.COVER));
		rdf.put("tags", List.of("segmentation", "2d", "tensorflow", "label-efficient-segmentation", info.method));
		rdf.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
		rdf.put("attachments", List.of(file(ModelInfo.FILE, files)));
		rdf.put("inputs", List.of(input(files)));
		rdf.put("outputs", List.of(output(files)));
		Map<String, Object> tf = new LinkedHashMap<>();
		tf.putAll(file(PackageExport.WEIGHTS, files));
		tf.put("tensorflow_version", TensorFlow.version());
		tf.put("comment", "SavedModel (tag serve, signature " + NetworkExporter.SIGNATURE + ") written by TensorFlow "
			+ "Java 1.1.0 (TensorFlow runtime " + TensorFlow.version() + ") for Label-Efficient Segmentation");
		rdf.put("weights", Map.of("tensorflow_saved_model_bundle", tf));
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		return new Yaml(options).dump(rdf);
	}

	private String description() {
		return "2D " + info.numClasses + "-class segmentation U-Net trained with " + info.method
			+ " by Label-Efficient Segmentation (ImageJ/Fiji); outputs per-class softmax probabilities";
	}

	private List<Map<String, String>> authors() {
		String names = metadata.authors().isBlank() ? System.getProperty("user.name", "unknown") : metadata.authors();
		List<Map<String, String>> list = new ArrayList<>();
		for (String n : names.split(","))
			if (!n.isBlank()) list.add(Map.of("name", n.trim()));
		return list;
	}

	private Map<String, Object> input(Map<String, byte[]> files) {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("id", NetworkExporter.INPUT);
		t.put("description", "one grey-level image (2D slice), intensities as read from the file");
		t.put("axes", List.of(Map.of("type", "batch"), space(AXES.get(1), sizes()), space(AXES.get(2), sizes()),
			channel(List.of("intensity"))));
		t.put("test_tensor", file(PackageExport.TEST_INPUT, files));
		t.put("data", Map.of("type", "float32"));
		t.put("preprocessing", preprocessing(Normalization.parse(info.normalization)));
		return t;
	}

	/** The input's height or width: any multiple of the size divisor (a new map each time: YAML writes no alias). */
	private Map<String, Object> sizes() {
		Map<String, Object> size = new LinkedHashMap<>();
		size.put("min", divisor);
		size.put("step", divisor);
		return size;
	}

	private Map<String, Object> output(Map<String, byte[]> files) {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("id", NetworkExporter.OUTPUT);
		t.put("description", "softmax probability of each class; the label is the class of highest probability");
		List<Object> axes = new ArrayList<>();
		axes.add(Map.of("type", "batch"));
		for (String a : AXES.subList(1, 3))
			axes.add(space(a, Map.of("tensor_id", NetworkExporter.INPUT, "axis_id", a)));
		axes.add(channel(channelNames()));
		t.put("axes", axes);
		t.put("test_tensor", file(PackageExport.TEST_OUTPUT, files));
		t.put("data", ordered("type", "float32", "range", List.of(0.0, 1.0)));
		return t;
	}

	private static Map<String, Object> space(String id, Map<String, Object> size) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("type", "space");
		a.put("id", id);
		a.put("size", size);
		return a;
	}

	private static Map<String, Object> channel(List<String> names) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("type", "channel");
		a.put("channel_names", names);
		return a;
	}

	/** The class names as identifiers (bioimage.io channel names must be): others become {@code class<c>}. */
	List<String> channelNames() {
		List<String> names = new ArrayList<>();
		for (int c = 0; c < info.numClasses; c++) {
			String n = c < info.classNames.size() ? info.classNames.get(c).trim().replaceAll("[^A-Za-z0-9_]", "_") : "";
			names.add(n.matches("[A-Za-z_][A-Za-z0-9_]*") && !names.contains(n) ? n : "class" + c);
		}
		return names;
	}

	/** The bioimage.io preprocessing that computes what {@link Normalization} does to one 2D image. */
	static List<Object> preprocessing(Normalization normalization) {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("axes", List.of(AXES.get(1), AXES.get(2)));
		return switch (normalization) {
			case ZSCORE -> {
				kwargs.put("eps", EPS);
				yield List.of(ordered("id", "zero_mean_unit_variance", "kwargs", kwargs));
			}
			case MINMAX -> {
				kwargs.put("min_percentile", 0.0);
				kwargs.put("max_percentile", 100.0);
				kwargs.put("eps", EPS);
				yield List.of(ordered("id", "scale_range", "kwargs", kwargs));
			}
			case NONE -> List.of();
		};
	}

	/** A map of the given keys and values in this order (YAML shows them so). */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2)
			m.put((String) keysAndValues[i], keysAndValues[i + 1]);
		return m;
	}

	private static Map<String, Object> file(String name, Map<String, byte[]> files) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("source", name);
		f.put("sha256", sha256(files.get(name)));
		return f;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java platform has SHA-256
		}
	}

	/** The documentation page: what the model does, how its input is prepared, how it was trained and validated. */
	String documentation() {
		String normalisation = switch (Normalization.parse(info.normalization)) {
			case ZSCORE -> "subtract the image's mean and divide by its standard deviation (`zero_mean_unit_variance` "
				+ "over y and x)";
			case MINMAX -> "map the image's minimum and maximum to 0 and 1 (`scale_range`, percentiles 0 and 100)";
			case NONE -> "none: intensities as read";
		};
		StringBuilder b = new StringBuilder();
		b.append("# ").append(name).append("\n\n").append(description()).append(".\n\n");
		b.append("## Input and output\n\n");
		b.append("- input `").append(NetworkExporter.INPUT).append("`: float32, axes batch, y, x, channel (1 channel); "
			+ "height and width multiples of ").append(divisor).append(" (the test input is ").append(width).append('x')
			.append(height).append(").\n");
		b.append("- preprocessing: ").append(normalisation).append(". The plugin normalises a 3D volume as a whole; "
			+ "tools that run this package slice by slice normalise each slice, which differs when slices differ.\n");
		b.append("- output `").append(NetworkExporter.OUTPUT).append("`: float32, axes batch, y, x, channel (")
			.append(info.numClasses).append(" classes: ").append(String.join(", ", channelNames())).append(
				"); the label of a pixel is the class of highest probability (0 is background).\n\n");
		b.append("## Training\n\n");
		b.append(String.format(Locale.ROOT, "Method `%s` %s, %d iterations (%.0f s), patch size %d.%n%n", info.method,
			info.methodSettings, info.iterationsDone, info.secondsTrained, info.patchSize));
		b.append("## Validation\n\n");
		b.append(Double.isNaN(info.bestValidationDice) ? "No validation set was used during training; validate on "
			+ "labelled images of your own before use.\n" : String.format(Locale.ROOT,
				"Mean foreground Dice on the validation set during training: %.4f (iteration %d); these weights are the "
					+ "best on it. Validate on labelled images of your own before use.%n", info.bestValidationDice,
				info.bestIteration));
		b.append("\n## Use\n\nIn Fiji with Label-Efficient Segmentation: `import input=<this zip> output=<model folder>`"
			+ ", then `predict`. Other consumers: any tool that runs `tensorflow_saved_model_bundle` weights of "
			+ "TensorFlow ").append(TensorFlow.version()).append(" (see the plugin's docs/bioimage.md).\n");
		return b.toString();
	}
}
