package org.labelefficient.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

/**
 * Reads a dataset folder for training: chooses the layout (folder or HDF5), splits cases into training and
 * validation (patient lists, or a seeded hold-out of densely labelled cases), keeps the annotations of the first
 * {@code labelled_patients} patients only, checks every annotation, normalises the images, marks the background
 * that scribbles imply ({@code background_margin}) and cuts the training volumes into slices; images of a further
 * folder join the training cases as unlabelled ones. All checks run before any training starts.
 */
public final class DatasetLoader {

	/** Prefix of the case names of the images from {@code unlabelled_images}. */
	public static final String UNLABELLED_PREFIX = "unlabelled:";

	private final DatasetSpec spec;
	private final DatasetLayout layout;
	private final List<AnnotationRange> ranges = new ArrayList<>();

	private DatasetLoader(DatasetSpec spec, DatasetLayout layout) {
		this.spec = spec;
		this.layout = layout;
	}

	/** Reads and checks the dataset described by {@code spec}. */
	public static Dataset load(DatasetSpec spec) {
		return new DatasetLoader(spec, layout(spec.folder())).load();
	}

	/** The layout of a dataset folder. */
	public static DatasetLayout layout(Path folder) {
		if (!Files.isDirectory(folder)) throw new BadInputException(folder, "dataset folder not found");
		if (FolderLayout.accepts(folder)) return new FolderLayout(folder);
		if (Hdf5Layout.accepts(folder)) return new Hdf5Layout(folder);
		throw new BadInputException(folder, "is not a dataset: expected an images/ folder (with labels/ or "
			+ "scribbles/) or HDF5 volumes (volumes/*.h5)");
	}

	private Dataset load() {
		Map<String, Path> extra = spec.unlabelledImages() == null ? Map.of() : unlabelledImages();
		List<String> validationNames = validationCases();
		List<String> trainingNames = trainingCases(validationNames);
		Set<String> labelled = labelledCases(trainingNames);
		List<TrainingSlice> slices = new ArrayList<>();
		List<String> unlabelled = new ArrayList<>();
		for (String name : trainingNames) {
			RawCase c = layout.read(name, labelled.contains(name));
			if (c.label() == null && c.scribble() == null) unlabelled.add(name);
			slices.addAll(slices(c));
		}
		trainingNames = new ArrayList<>(trainingNames);
		for (Map.Entry<String, Path> e : extra.entrySet()) {
			String name = UNLABELLED_PREFIX + e.getKey();
			slices.addAll(slices(new RawCase(name, e.getValue().toString(), VolumeIO.read(e.getValue()), null, null,
				"null", "null")));
			trainingNames.add(name);
			unlabelled.add(name);
		}
		List<LabelledVolume> validation = validationNames.stream().map(this::validationCase).toList();
		int numClasses = numClasses();
		checkRanges(numClasses);
		return new Dataset(slices, validation, numClasses, trainingNames, unlabelled, counts(slices, numClasses,
			true), counts(slices, numClasses, false));
	}

	/**
	 * The image files of the folder of further unlabelled images, by case name, found before any case is read; it must
	 * hold at least one.
	 */
	private Map<String, Path> unlabelledImages() {
		Path folder = spec.unlabelledImages();
		if (!Files.isDirectory(folder)) throw new BadInputException(folder, "folder of unlabelled images not found");
		Map<String, Path> files = FolderLayout.index(folder);
		if (files.isEmpty()) throw new BadInputException(folder, "contains no image files");
		return files;
	}

	private List<String> validationCases() {
		Optional<List<String>> list = layout.patientList(spec.validationList());
		if (list.isPresent()) return PatientLists.casesOf(list.get(), layout.caseNames(), layout.folder().resolve(
			spec.validationList()));
		if (layout.patientList(spec.trainList()).isPresent()) return List.of();
		List<String> candidates = new ArrayList<>(layout.caseNames().stream().filter(layout::hasLabels).toList());
		int k = (int) Math.round(spec.validationFraction() * candidates.size());
		if (candidates.size() < 2 || k == 0) return List.of();
		Collections.shuffle(candidates, new Random(spec.seed()));
		List<String> chosen = new ArrayList<>(candidates.subList(0, Math.min(k, candidates.size() - 1)));
		Collections.sort(chosen);
		return chosen;
	}

	private List<String> trainingCases(List<String> validationNames) {
		Path listFile = layout.folder().resolve(spec.trainList());
		Optional<List<String>> list = layout.patientList(spec.trainList());
		List<String> names;
		if (list.isPresent()) names = PatientLists.casesOf(list.get(), layout.caseNames(), listFile);
		else if (layout instanceof Hdf5Layout) throw new BadInputException(listFile,
			"not found: an HDF5 dataset needs a list of training patients (" + DatasetSettings.TRAIN_LIST.key()
				+ "=<file in the dataset folder>)");
		else names = layout.caseNames().stream().filter(n -> !validationNames.contains(n)).toList();
		for (String n : names)
			if (validationNames.contains(n)) throw new BadInputException(listFile, "case " + n
				+ " is listed for both training and validation");
		if (names.isEmpty()) throw new BadInputException(layout.folder(), "has no training cases");
		return names;
	}

	private Set<String> labelledCases(List<String> trainingNames) {
		if (spec.labelledPatients() < 0) return new LinkedHashSet<>(trainingNames);
		List<String> patients = trainingNames.stream().map(layout::patientOf).distinct().toList();
		if (spec.labelledPatients() > patients.size()) throw new BadInputException(DatasetSettings.LABELLED_PATIENTS
			.key() + "=" + spec.labelledPatients() + " but the training set of " + layout.folder() + " has only " + patients.size()
			+ " patients");
		Set<String> keep = new LinkedHashSet<>(patients.subList(0, spec.labelledPatients()));
		Set<String> labelled = new LinkedHashSet<>();
		for (String n : trainingNames)
			if (keep.contains(layout.patientOf(n))) labelled.add(n);
		return labelled;
	}

	private List<TrainingSlice> slices(RawCase c) {
		Volume image = spec.normalization().apply(c.image(), c.source());
		byte[] dense = c.label() == null ? null : convert(c, c.label(), false);
		byte[] scribble = c.scribble() == null ? null : convert(c, c.scribble(), true);
		if (scribble != null && Arrays.stream(Annotations.classCounts(scribble, Annotations.MAX_CLASSES)).sum() == 0)
			throw new BadInputException(c.scribbleSource() + ": the scribbles contain no annotated pixel (every value is the "
				+ "unlabelled value " + spec.unlabelledValue() + ")");
		if (scribble != null && spec.backgroundMargin() >= 0) Annotations.backgroundOutsideStrokes(scribble, image
			.width(), image.height(), spec.backgroundMargin(), new Random(spec.seed() * 31 + c.name().hashCode()));
		List<TrainingSlice> out = new ArrayList<>();
		int n = image.sliceSize();
		for (int z = 0; z < image.depth(); z++)
			out.add(new TrainingSlice(c.name(), z, image.width(), image.height(), Arrays.copyOfRange(image.data(), z
				* n, (z + 1) * n), part(dense, z, n), part(scribble, z, n)));
		return out;
	}

	private LabelledVolume validationCase(String name) {
		RawCase c = layout.read(name, true);
		if (c.label() == null) throw new BadInputException(c.source() + ": validation case " + name
			+ " has no dense labels");
		convert(c, c.label(), false);
		return new LabelledVolume(name, spec.normalization().apply(c.image(), c.source()), c.label());
	}

	private byte[] convert(RawCase c, Volume annotation, boolean scribble) {
		String kind = scribble ? "scribble" : "label", source = scribble ? c.scribbleSource() : c.labelSource();
		int max = Annotations.maxClass(annotation, scribble ? spec.unlabelledValue() : Integer.MIN_VALUE, source);
		ranges.add(new AnnotationRange(source, kind, max));
		int limit = spec.numClasses() > 0 ? spec.numClasses() : Annotations.MAX_CLASSES;
		return scribble ? Annotations.scribble(annotation, limit, spec.unlabelledValue(), source) : Annotations.dense(
			annotation, limit, source);
	}

	/** The class count: given, else from the dense labels, else from the scribbles. */
	private int numClasses() {
		if (spec.numClasses() > 0) return spec.numClasses();
		int dense = ranges.stream().filter(r -> r.kind.equals("label")).mapToInt(r -> r.max).max().orElse(-1);
		int scribble = ranges.stream().mapToInt(r -> r.max).max().orElse(-1);
		int max = dense >= 0 ? dense : scribble;
		if (max < 0) throw new BadInputException(layout.folder(), "has no labels or scribbles to learn from");
		return Math.max(2, max + 1);
	}

	private void checkRanges(int numClasses) {
		for (AnnotationRange r : ranges)
			if (r.max >= numClasses) throw new BadInputException(r.source + ": " + r.kind + " value " + r.max
				+ " is outside the classes 0.." + (numClasses - 1) + (r.kind.equals("scribble")
					? " and is not the unlabelled value " + spec.unlabelledValue() + " (set " + DatasetSettings.UNLABELLED_VALUE.key() + "=" + r.max
						+ " if it marks unannotated pixels, or num_classes)"
					: " (set num_classes)"));
	}

	private static long[] counts(List<TrainingSlice> slices, int numClasses, boolean scribble) {
		long[] counts = new long[numClasses];
		for (TrainingSlice s : slices) {
			byte[] a = scribble ? s.scribble() : s.dense();
			if (a == null) continue;
			long[] c = Annotations.classCounts(a, numClasses);
			for (int i = 0; i < numClasses; i++)
				counts[i] += c[i];
		}
		return counts;
	}

	private static byte[] part(byte[] a, int z, int n) {
		return a == null ? null : Arrays.copyOfRange(a, z * n, (z + 1) * n);
	}

	private record AnnotationRange(String source, String kind, int max) {}
}
