package org.labelefficient.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** How a dataset folder stores its cases: their names, the patient each belongs to, lists, and the files. */
public interface DatasetLayout {

	/** The dataset folder. */
	Path folder();

	/** All case names, sorted. */
	List<String> caseNames();

	/** The patient (group) a case belongs to; cases of one patient always stay in the same part of a split. */
	String patientOf(String caseName);

	/** True when the case has dense labels (checked without reading the voxels where possible). */
	boolean hasLabels(String caseName);

	/** Reads a case; {@code withAnnotations} false skips labels and scribbles. */
	RawCase read(String caseName, boolean withAnnotations);

	/** The patient names listed in {@code fileName} inside the dataset folder, when that file exists. */
	Optional<List<String>> patientList(String fileName);
}
