package org.labelefficient.data;

import java.nio.file.Path;

import org.labelefficient.io.Normalization;

/**
 * How to read a dataset for training; the values are checked by their declarations ({@link DatasetSettings}).
 *
 * @param unlabelledValue scribble value of unannotated pixels
 * @param labelledPatients how many patients of the training list keep their annotations (the rest become
 *          unlabelled); -1 for all
 * @param numClasses number of classes, 0 to infer it from the annotations
 * @param validationFraction share of the densely labelled cases held out for validation when there is no
 *          validation list
 * @param trainList file in the dataset folder listing the training patients (required for HDF5 datasets)
 * @param validationList file in the dataset folder listing the validation patients
 * @param unlabelledImages a folder of further images to train on as unlabelled cases, or {@code null}
 * @param backgroundMargin scribbles: as many unannotated pixels as a slice has strokes, drawn from those more than
 *          this many pixels outside the box around its foreground strokes, become background; -1 for none
 */
public record DatasetSpec(Path folder, int unlabelledValue, int labelledPatients, int numClasses,
	double validationFraction, String trainList, String validationList, Normalization normalization, long seed,
	Path unlabelledImages, int backgroundMargin) {

	/** A dataset without further unlabelled images, its scribbles as they are. */
	public DatasetSpec(Path folder, int unlabelledValue, int labelledPatients, int numClasses,
		double validationFraction, String trainList, String validationList, Normalization normalization, long seed) {
		this(folder, unlabelledValue, labelledPatients, numClasses, validationFraction, trainList, validationList,
			normalization, seed, null, -1);
	}
}
