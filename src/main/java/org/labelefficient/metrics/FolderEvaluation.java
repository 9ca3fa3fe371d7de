package org.labelefficient.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.FileNames;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

/**
 * Evaluates predicted label images against reference labels: two files, or two folders whose files are matched by
 * base name (extensions may differ; the maps {@code <case>_prob<c>} and {@code <case>_uncertainty} are skipped).
 * Every prediction needs a reference and every reference a prediction. Distances use the given spacing, else the
 * reference file's. HDF5 references are read from their {@code label} dataset.
 */
public final class FolderEvaluation {

	/** The dataset read from HDF5 reference files. */
	public static final String REFERENCE_DATASET = "label";

	private final MetricCalculator calculator;
	private final int numClasses;

	/**
	 * @param spacing voxel spacing {x, y, z} for distances, or null to use each reference file's
	 * @param numClasses number of classes, or 0 to use the largest label value found in the files
	 */
	public FolderEvaluation(double[] spacing, int numClasses) {
		this.calculator = spacing == null ? new MetricCalculator() : new MetricCalculator(spacing);
		this.numClasses = numClasses;
	}

	/** Reads, matches and measures; reports each case to {@code log}. */
	public MetricsTable evaluate(Path prediction, Path reference, Consumer<String> log) {
		Map<String, Path[]> pairs = pairs(prediction, reference);
		List<String> names = new ArrayList<>(pairs.keySet());
		List<Volume[]> volumes = new ArrayList<>();
		int classes = numClasses;
		for (String name : names) {
			Path[] p = pairs.get(name);
			Volume[] v = read(p);
			if (numClasses <= 0) classes = Math.max(classes, maxLabel(v, p));
			volumes.add(v);
		}
		MetricsTable table = new MetricsTable();
		for (int i = 0; i < names.size(); i++) {
			log.accept("evaluating " + names.get(i));
			table.add(measure(names.get(i), volumes.get(i), classes));
		}
		return table;
	}

	/** The number of classes given, or 0 when it comes from the largest label of the files. */
	public int numClasses() {
		return numClasses;
	}

	/** Reads a prediction and its reference ({@link #pairs}); refuses volumes of different sizes. */
	public static Volume[] read(Path[] pair) {
		Volume[] v = { VolumeIO.read(pair[0]), readReference(pair[1]) };
		if (!v[0].sameSize(v[1])) throw new BadInputException(pair[0], "has size " + v[0] + " but its reference "
			+ pair[1] + " has size " + v[1]);
		return v;
	}

	/** One more than the largest label of a pair read by {@link #read}; refuses values that are not labels. */
	public static int maxLabel(Volume[] volumes, Path[] pair) {
		return Math.max(maxLabel(volumes[0], pair[0]), maxLabel(volumes[1], pair[1])) + 1;
	}

	/** The metrics of one case for {@code classes} classes (at least 2), as {@link #evaluate} measures them. */
	public CaseMetrics measure(String name, Volume[] volumes, int classes) {
		return calculator.measure(name, volumes[0], volumes[1], Math.max(2, classes));
	}

	/** Prediction and reference files by case name (two files, or the files of two folders matched by base name). */
	public static Map<String, Path[]> pairs(Path prediction, Path reference) {
		if (!Files.exists(prediction)) throw new BadInputException(prediction, "not found");
		if (!Files.exists(reference)) throw new BadInputException(reference, "not found");
		boolean dir = Files.isDirectory(prediction);
		if (dir != Files.isDirectory(reference)) throw new BadInputException(prediction,
			"prediction and reference must both be files or both be folders (reference: " + reference + ")");
		Map<String, Path[]> pairs = new TreeMap<>();
		if (!dir) {
			pairs.put(FileNames.baseName(prediction), new Path[] { prediction, reference });
			return pairs;
		}
		Map<String, Path> refs = index(reference);
		for (Map.Entry<String, Path> e : index(prediction).entrySet()) {
			Path ref = refs.remove(e.getKey());
			if (ref != null) pairs.put(e.getKey(), new Path[] { e.getValue(), ref });
			else if (!e.getKey().matches(".*_(prob\\d+|uncertainty)")) throw new BadInputException(e.getValue(),
				"has no reference file of the same name in " + reference);
		}
		if (!refs.isEmpty()) throw new BadInputException(refs.values().iterator().next(),
			"has no prediction of the same name in " + prediction);
		if (pairs.isEmpty()) throw new BadInputException(prediction, "contains no image files");
		return pairs;
	}

	private static Map<String, Path> index(Path dir) {
		Map<String, Path> byName = new TreeMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(Files::isRegularFile).filter(FileNames::isImage).sorted().toList())
				if (byName.put(FileNames.baseName(f), f) != null) throw new BadInputException(f,
					"has the same base name as another file in " + dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return byName;
	}

	private static Volume readReference(Path file) {
		String ext = FileNames.extension(file);
		return ext.equals(".h5") || ext.equals(".hdf5") ? VolumeIO.readHdf5(file, REFERENCE_DATASET) : VolumeIO.read(
			file);
	}

	private static int maxLabel(Volume v, Path file) {
		int max = 0;
		for (float f : v.data()) {
			if (!(f >= 0) || f != Math.rint(f) || f > 10_000) throw new BadInputException(file,
				"holds the value " + f + "; label images must hold non-negative integer class values");
			max = Math.max(max, (int) f);
		}
		return max;
	}
}
