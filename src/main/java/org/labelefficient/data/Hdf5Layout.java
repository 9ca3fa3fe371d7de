package org.labelefficient.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.FileNames;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

/**
 * An HDF5 dataset as prepared by WSL4MIS for ACDC: {@code volumes/<case>.h5} (or {@code .h5} files in the folder
 * itself), each holding image, dense label and scribble datasets of shape (slices, H, W), and patient lists. A
 * case's patient is its name up to the first underscore ({@code patient001_frame01} belongs to {@code patient001}).
 */
public final class Hdf5Layout implements DatasetLayout {

	/** Default dataset names inside each file. */
	public static final String IMAGE = "image", LABEL = "label", SCRIBBLE = "scribble";

	private final Path folder;
	private final List<Path> files;

	/** Indexes the HDF5 files of {@code folder}. */
	public Hdf5Layout(Path folder) {
		this.folder = folder;
		this.files = h5Files(folder);
		if (files.isEmpty()) throw new BadInputException(folder, "contains no .h5 volumes");
	}

	/** True when {@code folder} has a {@code volumes/} folder or {@code .h5} files. */
	public static boolean accepts(Path folder) {
		return !h5Files(folder).isEmpty();
	}

	@Override
	public Path folder() {
		return folder;
	}

	@Override
	public List<String> caseNames() {
		return files.stream().map(FileNames::baseName).toList();
	}

	@Override
	public String patientOf(String caseName) {
		int u = caseName.indexOf('_');
		return u > 0 ? caseName.substring(0, u) : caseName;
	}

	@Override
	public boolean hasLabels(String caseName) {
		return VolumeIO.hdf5Datasets(file(caseName)).contains(LABEL);
	}

	@Override
	public RawCase read(String caseName, boolean withAnnotations) {
		Path f = file(caseName);
		Volume image = VolumeIO.readHdf5(f, IMAGE);
		Volume label = null, scribble = null;
		if (withAnnotations) {
			List<String> names = VolumeIO.hdf5Datasets(f);
			if (names.contains(LABEL)) label = matching(VolumeIO.readHdf5(f, LABEL), image, f, LABEL);
			if (names.contains(SCRIBBLE)) scribble = matching(VolumeIO.readHdf5(f, SCRIBBLE), image, f, SCRIBBLE);
		}
		return new RawCase(caseName, f.toString(), image, label, scribble, f + " (dataset '" + LABEL + "')", f
			+ " (dataset '" + SCRIBBLE + "')");
	}

	@Override
	public Optional<List<String>> patientList(String fileName) {
		return PatientLists.read(folder.resolve(fileName));
	}

	private Path file(String caseName) {
		return files.stream().filter(f -> FileNames.baseName(f).equals(caseName)).findFirst().orElseThrow(
			() -> new BadInputException(folder, "has no volume named " + caseName));
	}

	private static Volume matching(Volume v, Volume image, Path file, String dataset) {
		if (!v.sameSize(image)) throw new BadInputException(file, "dataset '" + dataset + "' has size " + v
			+ " but 'image' has size " + image);
		return v;
	}

	private static List<Path> h5Files(Path folder) {
		Path volumes = folder.resolve("volumes");
		Path dir = Files.isDirectory(volumes) ? volumes : folder;
		if (!Files.isDirectory(dir)) return List.of();
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).filter(f -> FileNames.extension(f).matches("\\.h5|\\.hdf5"))
				.sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
