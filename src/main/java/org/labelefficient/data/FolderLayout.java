package org.labelefficient.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.FileNames;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

/**
 * A folder dataset: {@code images/} with one file per case, optional {@code labels/} (dense) and {@code scribbles/}
 * with files of the same base name (extensions may differ). Each case is its own patient.
 */
public final class FolderLayout implements DatasetLayout {

	/** Sub-folder names. */
	public static final String IMAGES = "images", LABELS = "labels", SCRIBBLES = "scribbles";

	private final Path folder;
	private final Map<String, Path> images, labels, scribbles;

	/** Indexes the folder; unmatched annotation files and duplicate names are errors. */
	public FolderLayout(Path folder) {
		this.folder = folder;
		this.images = index(folder.resolve(IMAGES));
		if (images.isEmpty()) throw new BadInputException(folder.resolve(IMAGES), "contains no image files");
		this.labels = matched(folder.resolve(LABELS));
		this.scribbles = matched(folder.resolve(SCRIBBLES));
	}

	/** True when {@code folder} looks like a folder dataset. */
	public static boolean accepts(Path folder) {
		return Files.isDirectory(folder.resolve(IMAGES));
	}

	@Override
	public Path folder() {
		return folder;
	}

	@Override
	public List<String> caseNames() {
		return new ArrayList<>(images.keySet());
	}

	@Override
	public String patientOf(String caseName) {
		return caseName;
	}

	@Override
	public boolean hasLabels(String caseName) {
		return labels.containsKey(caseName);
	}

	@Override
	public RawCase read(String caseName, boolean withAnnotations) {
		Path imageFile = images.get(caseName);
		Volume image = VolumeIO.read(imageFile);
		Volume label = withAnnotations ? readMatching(labels.get(caseName), image, imageFile) : null;
		Volume scribble = withAnnotations ? readMatching(scribbles.get(caseName), image, imageFile) : null;
		return new RawCase(caseName, imageFile.toString(), image, label, scribble, String.valueOf(labels.get(
			caseName)), String.valueOf(scribbles.get(caseName)));
	}

	@Override
	public Optional<List<String>> patientList(String fileName) {
		return PatientLists.read(folder.resolve(fileName));
	}

	private static Volume readMatching(Path file, Volume image, Path imageFile) {
		if (file == null) return null;
		Volume v = VolumeIO.read(file);
		if (!v.sameSize(image)) throw new BadInputException(file, "has size " + v + " but its image " + imageFile
			.getFileName() + " has size " + image);
		return v;
	}

	private Map<String, Path> matched(Path dir) {
		Map<String, Path> files = index(dir);
		for (Map.Entry<String, Path> e : files.entrySet())
			if (!images.containsKey(e.getKey())) throw new BadInputException(e.getValue(),
				"has no image of the same name in " + folder.resolve(IMAGES));
		return files;
	}

	/** The image files of {@code dir} by base name, sorted; an empty map when it does not exist. */
	static Map<String, Path> index(Path dir) {
		Map<String, Path> byName = new TreeMap<>();
		if (!Files.isDirectory(dir)) return byName;
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(Files::isRegularFile).filter(FileNames::isImage).sorted().toList()) {
				Path previous = byName.put(FileNames.baseName(f), f);
				if (previous != null) throw new BadInputException(f, "has the same base name as " + previous
					.getFileName() + "; keep one file per case");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return byName;
	}
}
