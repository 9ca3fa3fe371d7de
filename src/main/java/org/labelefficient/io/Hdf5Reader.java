package org.labelefficient.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.FixedPoint;

/**
 * Reads numeric datasets of shape (z, y, x) or (y, x) from HDF5 files with jhdf (pure Java; gzip chunks included),
 * such as the ACDC volumes with datasets {@code image}, {@code label} and {@code scribble}. Spacing is 1 (the files
 * store none).
 */
public final class Hdf5Reader {

	/** The dataset read when none is named. */
	public static final String DEFAULT_DATASET = "image";

	private Hdf5Reader() {}

	/** Names of the datasets at the root of the file. */
	public static List<String> datasets(Path file) {
		try (HdfFile hdf = open(file)) {
			List<String> names = new ArrayList<>();
			for (Map.Entry<String, Node> e : hdf.getChildren().entrySet())
				if (e.getValue() instanceof Dataset) names.add(e.getKey());
			return names;
		}
		catch (BadInputException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new BadInputException(file, "is not a readable HDF5 file (" + e.getMessage() + ")", e);
		}
	}

	/** Reads dataset {@code name} as a volume. */
	public static Volume read(Path file, String name) {
		try (HdfFile hdf = open(file)) {
			Node node = hdf.getChildren().get(name);
			if (!(node instanceof Dataset dataset)) throw new BadInputException(file, "has no dataset '" + name
				+ "' (datasets: " + String.join(", ", datasetNames(hdf)) + ")");
			int[] dims = dataset.getDimensions();
			if (dims.length < 2 || dims.length > 3) throw new BadInputException(file, "dataset '" + name
				+ "' has " + dims.length + " dimensions; expected (y, x) or (z, y, x)");
			int depth = dims.length == 3 ? dims[0] : 1, height = dims[dims.length - 2], width = dims[dims.length - 1];
			float[] data = toFloats(dataset.getDataFlat(), unsigned(dataset), file, name);
			return new Volume(data, width, height, depth);
		}
		catch (BadInputException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new BadInputException(file, "dataset '" + name + "' cannot be read (" + e.getMessage() + ")", e);
		}
	}

	private static HdfFile open(Path file) {
		if (!Files.isRegularFile(file)) throw new BadInputException(file, "not found");
		try {
			return new HdfFile(file);
		}
		catch (RuntimeException e) {
			throw new BadInputException(file, "is not a readable HDF5 file (" + e.getMessage() + ")", e);
		}
	}

	private static List<String> datasetNames(HdfFile hdf) {
		return hdf.getChildren().entrySet().stream().filter(e -> e.getValue() instanceof Dataset).map(
			Map.Entry::getKey).toList();
	}

	private static boolean unsigned(Dataset d) {
		return d.getDataType() instanceof FixedPoint f && !f.isSigned();
	}

	private static float[] toFloats(Object flat, boolean unsigned, Path file, String name) {
		if (flat instanceof float[] f) return f;
		if (flat instanceof double[] d) return convert(d.length, i -> d[i]);
		if (flat instanceof byte[] b) return convert(b.length, i -> unsigned ? b[i] & 0xFF : b[i]);
		if (flat instanceof short[] s) return convert(s.length, i -> unsigned ? s[i] & 0xFFFF : s[i]);
		if (flat instanceof int[] a) return convert(a.length, i -> unsigned ? a[i] & 0xFFFFFFFFL : a[i]);
		if (flat instanceof long[] l) return convert(l.length, i -> l[i]);
		throw new BadInputException(file, "dataset '" + name + "' is not numeric");
	}

	private interface Element {
		double at(int i);
	}

	private static float[] convert(int n, Element e) {
		float[] out = new float[n];
		for (int i = 0; i < n; i++)
			out[i] = (float) e.at(i);
		return out;
	}
}
