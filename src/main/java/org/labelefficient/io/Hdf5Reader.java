package org.labelefficient.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads numeric HDF5 datasets of shape (z, y, x) or (y, x) into a {@link Volume} with jhdf (pure Java; gzip, LZF
 * and other filters that jhdf knows). Any integer or floating-point type becomes float. Spacing is 1, 1, 1 unless
 * the dataset carries an {@code element_size_um} attribute (z, y, x), as Fiji's and ilastik's HDF5 files do.
 */
public final class Hdf5Reader {

	private static final String SPACING_ATTRIBUTE = "element_size_um";

	private Hdf5Reader() {}

	/**
	 * Reads one dataset; {@code dataset} is a path inside the file such as {@code image} or {@code group/image}.
	 *
	 * @throws BadInputException naming the file if it is missing or damaged, the dataset is absent (the message
	 *         lists the datasets there are), or it is not a 2D or 3D numeric array
	 */
	public static Volume read(Path file, String dataset) {
		if (!Files.isRegularFile(file)) throw new BadInputException(file, "not found");
		try (HdfFile hdf = open(file)) {
			return toVolume(file, dataset, find(file, hdf, dataset));
		} catch (BadInputException e) {
			throw e;
		} catch (RuntimeException | OutOfMemoryError e) {
			throw new BadInputException(file, "cannot read HDF5 dataset '" + dataset + "': " + e, e);
		}
	}

	/**
	 * The paths of all datasets in the file, depth first, without a leading slash.
	 *
	 * @throws BadInputException naming the file if it is missing or not a readable HDF5 file
	 */
	public static List<String> datasets(Path file) {
		if (!Files.isRegularFile(file)) throw new BadInputException(file, "not found");
		try (HdfFile hdf = open(file)) {
			List<String> names = new ArrayList<>();
			collect(hdf, "", names);
			return names;
		} catch (BadInputException e) {
			throw e;
		} catch (RuntimeException e) {
			throw new BadInputException(file, "not a readable HDF5 file: " + e, e);
		}
	}

	/** Opens the file and checks that it is as long as its superblock says (else it is truncated). */
	private static HdfFile open(Path file) {
		HdfFile hdf = new HdfFile(file);
		try {
			long end = hdf.getUserBlockSize() + hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
			long length = Files.size(file);
			if (end > length) throw new BadInputException(file, "truncated HDF5 file: it should have " + end
				+ " bytes but has " + length);
			return hdf;
		} catch (IOException | RuntimeException e) {
			hdf.close();
			if (e instanceof BadInputException) throw (BadInputException) e;
			throw new BadInputException(file, "not a readable HDF5 file: " + e, e);
		}
	}

	private static void collect(Group group, String prefix, List<String> names) {
		for (Node node : group.getChildren().values()) {
			String name = prefix + node.getName();
			if (node instanceof Dataset) names.add(name);
			else if (node instanceof Group) collect((Group) node, name + "/", names);
		}
	}

	private static Dataset find(Path file, HdfFile hdf, String dataset) {
		List<String> names = new ArrayList<>();
		collect(hdf, "", names);
		String wanted = dataset.startsWith("/") ? dataset.substring(1) : dataset;
		if (!names.contains(wanted))
			throw new BadInputException(file, "no HDF5 dataset '" + dataset + "'; the file has "
				+ (names.isEmpty() ? "no datasets" : "datasets " + String.join(", ", names)));
		return hdf.getDatasetByPath("/" + wanted);
	}

	private static Volume toVolume(Path file, String name, Dataset dataset) {
		int[] dims = dataset.getDimensions();
		if (dims.length < 2 || dims.length > 3 || Arrays.stream(dims).anyMatch(d -> d < 1))
			throw new BadInputException(file, "HDF5 dataset '" + name + "' has shape " + Arrays.toString(dims)
				+ "; expected (z, y, x) or (y, x)");
		int depth = dims.length == 3 ? dims[0] : 1;
		long voxels = (long) depth * dims[dims.length - 2] * dims[dims.length - 1];
		if (voxels > Integer.MAX_VALUE - 8)
			throw new BadInputException(file, "HDF5 dataset '" + name + "' is too large: " + voxels + " voxels");
		float[] data = toFloats(file, name, dataset.getDataFlat());
		return new Volume(data, dims[dims.length - 1], dims[dims.length - 2], depth, spacing(dataset, dims.length));
	}

	private static float[] toFloats(Path file, String name, Object flat) {
		if (flat instanceof float[]) return (float[]) flat;
		if (flat == null || !flat.getClass().isArray() || flat instanceof boolean[] || flat instanceof char[]
			|| (flat instanceof Object[] && !(flat instanceof Number[])))
			throw new BadInputException(file, "HDF5 dataset '" + name + "' is not numeric ("
				+ (flat == null ? "no data" : flat.getClass().getComponentType().getSimpleName()) + ")");
		float[] out = new float[Array.getLength(flat)];
		if (flat instanceof Number[]) {
			Number[] numbers = (Number[]) flat;
			for (int i = 0; i < out.length; i++) out[i] = numbers[i].floatValue();
		} else if (flat instanceof byte[]) {
			for (int i = 0; i < out.length; i++) out[i] = ((byte[]) flat)[i];
		} else if (flat instanceof short[]) {
			for (int i = 0; i < out.length; i++) out[i] = ((short[]) flat)[i];
		} else if (flat instanceof int[]) {
			for (int i = 0; i < out.length; i++) out[i] = ((int[]) flat)[i];
		} else if (flat instanceof long[]) {
			for (int i = 0; i < out.length; i++) out[i] = ((long[]) flat)[i];
		} else {
			for (int i = 0; i < out.length; i++) out[i] = (float) ((double[]) flat)[i];
		}
		return out;
	}

	private static double[] spacing(Dataset dataset, int rank) {
		double[] spacing = { 1, 1, 1 };
		Attribute attribute = dataset.getAttribute(SPACING_ATTRIBUTE);
		if (attribute == null) return spacing;
		Object value = attribute.getData();
		if (value == null || !value.getClass().isArray() || Array.getLength(value) != rank) return spacing;
		for (int i = 0; i < rank; i++) { // (z, y, x) -> {x, y, z}
			Object v = Array.get(value, rank - 1 - i);
			if (v instanceof Number && ((Number) v).doubleValue() > 0) spacing[i] = ((Number) v).doubleValue();
		}
		return spacing;
	}
}
