package org.labelefficient.bioimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Normalization;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code rdf.yaml} of a bioimage.io package, checked for what {@code predict} can honour: format 0.5, a
 * {@code tensorflow_saved_model_bundle} weights entry, one input with axes batch, y, x, channel (one channel,
 * float32, sizes {@code min + n * step} with a power-of-two step), preprocessing that {@link Normalization} computes
 * (none, {@code zero_mean_unit_variance}, {@code scale_range} from percentile 0 to 100, {@code ensure_dtype}
 * float32), and one 2D segmentation output with axes batch, y, x (the input's sizes), channel (two or more classes)
 * and no postprocessing beyond {@code ensure_dtype}. Anything else is refused with one sentence naming the file and
 * the field.
 */
final class RdfCheck {

	/** The rdf field of an axis's size (a YAML field, not a setting). */
	private static final String SIZE = "size";

	private final Path root;
	private final Path file;
	private final Map<String, Object> rdf;
	private final Map<String, Object> input;
	private final Map<String, Object> output;
	private Normalization normalization = Normalization.NONE;
	private int step;
	private List<String> classNames;

	private RdfCheck(Path root, Path file, Map<String, Object> rdf) {
		this.root = root;
		this.file = file;
		this.rdf = rdf;
		if (!"model".equals(rdf.get("type"))) throw refuse("type", "is '" + rdf.get("type")
			+ "'; only model packages can be imported");
		String version = String.valueOf(rdf.get("format_version"));
		if (!version.startsWith("0.5.")) throw refuse("format_version", "is " + version
			+ "; this plugin reads format 0.5 (bioimageio.spec's update_format converts older packages)");
		Map<String, Object> weights = map(rdf.get("weights"), "weights");
		if (!(weights.get("tensorflow_saved_model_bundle") instanceof Map)) throw refuse("weights", "offers "
			+ String.join(", ", weights.keySet()) + " only; this plugin runs tensorflow_saved_model_bundle weights");
		this.input = only("inputs");
		this.output = only("outputs");
		checkInput();
		checkOutput();
	}

	/** Reads and checks {@code rdf.yaml} (or {@code *bioimageio.yaml}) in the package folder {@code root}. */
	static RdfCheck read(Path root) throws IOException {
		Path file = root.resolve(PackageExport.RDF);
		if (!Files.isRegularFile(file)) try (Stream<Path> files = Files.list(root)) {
			file = files.filter(f -> f.getFileName().toString().endsWith("bioimageio.yaml")).findFirst().orElseThrow(
				() -> new BadInputException(root, "has no rdf.yaml: not a bioimage.io model package"));
		}
		Object parsed;
		try {
			parsed = new Yaml().load(Files.readString(file));
		}
		catch (YAMLException e) {
			throw new BadInputException(file, "is not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
				+ ")", e);
		}
		if (!(parsed instanceof Map)) throw new BadInputException(file, "is not a YAML mapping of fields");
		@SuppressWarnings("unchecked")
		Map<String, Object> rdf = (Map<String, Object>) parsed;
		return new RdfCheck(root, file, rdf);
	}

	private void checkInput() {
		List<Map<String, Object>> axes = axes(input, "inputs[0].axes");
		if (!axisKinds(axes).equals(List.of("batch", "y", "x", "channel"))) throw refuse("inputs[0].axes", "is "
			+ String.join(", ", axisKinds(axes)) + "; this plugin runs models whose input axes are batch, y, x, channel");
		if (names(axes.get(3), "inputs[0].axes[3]").size() != 1) throw refuse("inputs[0].axes[3].channel_names",
			"lists " + names(axes.get(3), "inputs[0].axes[3]").size() + " channels; this plugin feeds one grey channel");
		Object data = input.get("data");
		if (data != null && !(data instanceof Map && "float32".equals(((Map<?, ?>) data).get("type"))))
			throw refuse("inputs[0].data", "is " + data + "; this plugin feeds float32 images");
		Object sy = axes.get(1).get(SIZE), sx = axes.get(2).get(SIZE);
		if (!(sy instanceof Map<?, ?> size) || !Objects.equals(sy, sx) || !(size.get("step") instanceof Integer s)
			|| !(size.get("min") instanceof Integer min)) throw refuse("inputs[0].axes[1].size", "is " + sy
				+ " (x: " + sx + "); this plugin tiles images and needs the same {min, step} for y and x");
		if (Integer.bitCount(s) != 1 || min > s) throw refuse("inputs[0].axes[1].size", "is " + sy
			+ "; this plugin needs a power-of-two step and a min no larger than it");
		step = s;
		List<Object> steps = list(input.getOrDefault("preprocessing", List.of()), "inputs[0].preprocessing");
		for (int i = 0; i < steps.size(); i++)
			preprocessing(map(steps.get(i), "inputs[0].preprocessing[" + i + "]"), i);
	}

	private void preprocessing(Map<String, Object> p, int i) {
		String field = "inputs[0].preprocessing[" + i + "]";
		Map<String, Object> kwargs = p.get("kwargs") == null ? Map.of() : map(p.get("kwargs"), field + ".kwargs");
		Object axes = kwargs.get("axes");
		boolean perImage = axes == null || axes instanceof List<?> l && l.containsAll(List.of("y", "x"));
		switch (String.valueOf(p.get("id"))) {
			case "ensure_dtype" -> {
				if (!"float32".equals(kwargs.get("dtype"))) throw refuse(field + ".kwargs.dtype", "is " + kwargs.get(
					"dtype") + "; this plugin feeds float32");
			}
			case "zero_mean_unit_variance" -> {
				if (!perImage) throw refuse(field + ".kwargs.axes", "is " + axes + "; this plugin normalises over y and x");
				normalization = Normalization.ZSCORE;
			}
			case "scale_range" -> {
				if (!perImage || number(kwargs.get("min_percentile"), 0) != 0 || number(kwargs.get("max_percentile"),
					100) != 100 || kwargs.get("reference_tensor") != null) throw refuse(field + ".kwargs", "is " + kwargs
						+ "; this plugin's minmax maps the image's minimum and maximum (percentiles 0 and 100 over y "
						+ "and x) to 0 and 1");
				normalization = Normalization.MINMAX;
			}
			default -> throw refuse(field + ".id", "is " + p.get("id") + "; this plugin applies zero_mean_unit_variance"
				+ ", scale_range (0 to 100 percent) or ensure_dtype");
		}
	}

	private void checkOutput() {
		List<Map<String, Object>> axes = axes(output, "outputs[0].axes");
		if (!axisKinds(axes).equals(List.of("batch", "y", "x", "channel"))) throw refuse("outputs[0].axes", "is "
			+ String.join(", ", axisKinds(axes)) + "; this plugin reads 2D segmentations with axes batch, y, x, channel");
		for (int a = 1; a <= 2; a++) {
			Object size = axes.get(a).get(SIZE);
			String id = String.valueOf(axes.get(a).get("id"));
			if (!(size instanceof Map<?, ?> ref) || !id.equals(ref.get("axis_id")) || !Objects.equals(input.get("id"),
				ref.get("tensor_id")) || number(ref.get("offset"), 0) != 0) throw refuse("outputs[0].axes[" + a + "].size",
					"is " + size + "; this plugin needs the output the size of the input");
		}
		classNames = names(axes.get(3), "outputs[0].axes[3]");
		if (classNames.size() < 2) throw refuse("outputs[0].axes[3].channel_names", "lists " + classNames.size()
			+ " channel; a segmentation output has one probability channel per class, at least two");
		List<Object> post = list(output.getOrDefault("postprocessing", List.of()), "outputs[0].postprocessing");
		for (int i = 0; i < post.size(); i++) {
			Object id = map(post.get(i), "outputs[0].postprocessing[" + i + "]").get("id");
			if (!"ensure_dtype".equals(id)) throw refuse("outputs[0].postprocessing[" + i + "].id", "is " + id
				+ "; this plugin takes the class of highest output value and applies no postprocessing");
		}
	}

	private static List<String> axisKinds(List<Map<String, Object>> axes) {
		return axes.stream().map(a -> "space".equals(a.get("type")) ? String.valueOf(a.get("id")) : String.valueOf(a
			.get("type"))).toList();
	}

	private List<String> names(Map<String, Object> channel, String field) {
		Object n = channel.get("channel_names");
		if (!(n instanceof List<?> l)) throw refuse(field + ".channel_names", "is " + n
			+ "; this plugin needs a list of names");
		return l.stream().map(String::valueOf).collect(Collectors.toCollection(ArrayList::new));
	}

	private List<Map<String, Object>> axes(Map<String, Object> tensor, String field) {
		List<Object> axes = list(tensor.get("axes"), field);
		List<Map<String, Object>> out = new ArrayList<>();
		for (int i = 0; i < axes.size(); i++)
			out.add(map(axes.get(i), field + "[" + i + "]"));
		return out;
	}

	private Map<String, Object> only(String field) {
		List<Object> tensors = list(rdf.get(field), field);
		if (tensors.size() != 1) throw refuse(field, "lists " + tensors.size()
			+ " tensors; this plugin runs models with one input and one output");
		return map(tensors.get(0), field + "[0]");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(Object value, String field) {
		if (!(value instanceof Map)) throw refuse(field, value == null ? "is missing" : "is not a mapping");
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private List<Object> list(Object value, String field) {
		if (!(value instanceof List)) throw refuse(field, value == null ? "is missing" : "is not a list");
		return (List<Object>) value;
	}

	private static double number(Object value, double missing) {
		return value == null ? missing : value instanceof Number n ? n.doubleValue() : Double.NaN;
	}

	private BadInputException refuse(String field, String problem) {
		return new BadInputException(file, "field " + field + " " + problem);
	}

	/** The rdf file. */
	Path rdfFile() {
		return file;
	}

	/** The model's name. */
	String name() {
		return String.valueOf(rdf.getOrDefault("name", root.getFileName()));
	}

	/** The normalisation the preprocessing amounts to. */
	Normalization normalization() {
		return normalization;
	}

	/** The step of the input's height and width. */
	int sizeStep() {
		return step;
	}

	/** The output's channel names, one per class. */
	List<String> classNames() {
		return classNames;
	}

	String weightsSource() {
		return source(map(rdf.get("weights"), "weights").get("tensorflow_saved_model_bundle"),
			"weights.tensorflow_saved_model_bundle");
	}

	String testInput() {
		return source(input.get("test_tensor"), "inputs[0].test_tensor");
	}

	String testOutput() {
		return source(output.get("test_tensor"), "outputs[0].test_tensor");
	}

	/** True when {@code name} is among the attachments. */
	boolean attaches(String name) {
		return rdf.get("attachments") instanceof List<?> l && l.stream().anyMatch(a -> a instanceof Map<?, ?> m && name
			.equals(m.get("source")));
	}

	private String source(Object descr, String field) {
		Object s = map(descr, field).get("source");
		if (!(s instanceof String source)) throw refuse(field + ".source", "is missing");
		return source;
	}

	/** The package file {@code source} (a relative path), which must exist. */
	Path file(String source, String field) {
		if (source.contains("://")) throw refuse(field, "is a URL (" + source
			+ "); this plugin imports packages that hold their files");
		Path f = root.resolve(source).normalize();
		if (!f.startsWith(root) || !Files.isRegularFile(f)) throw refuse(field, "names " + source
			+ ", which is not in the package");
		return f;
	}

	/** The {@code .npy} file {@code source} of the package. */
	Npy.Array array(String source, String field) {
		Path f = file(source, field);
		try {
			return Npy.read(Files.readAllBytes(f));
		}
		catch (IllegalArgumentException | IOException e) {
			throw new BadInputException(f, e.getMessage() + " (" + field + " in rdf.yaml)", e);
		}
	}
}
