package org.labelefficient.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * A training run as a user asks for it, before the data is read: where the data is and how to read it, the method
 * and its settings, the loop settings, and the model folder.
 *
 * @param dataset a folder with {@code images/} (and {@code labels/}, {@code scribbles/}) or an HDF5 dataset folder
 *          with {@code volumes/} and patient lists
 * @param labelledPatients how many patients (or cases) of the training list keep their labels; -1 for all
 * @param numClasses number of classes, 0 to take it from the data
 * @param validationFraction share of the cases of a folder dataset held out for validation when it has no list
 * @param normalization intensity normalisation mode recorded in the model
 * @param allowPadding whether slices smaller than the patch are padded (else they are an error)
 * @param initModel a model folder whose weights the networks start from (a warm start), or {@code null}
 * @param unlabelledImages a folder of further images to learn from as unlabelled cases, or {@code null}
 */
public record TrainingRequest(Path dataset, String method, Map<String, String> methodSettings,
	TrainingSettings settings, Path output, int unlabelledValue, int labelledPatients, int numClasses,
	double validationFraction, String trainList, String validationList, String normalization, boolean resume,
	boolean allowPadding, Path initModel, Path unlabelledImages) {

	/** A request that starts from freshly initialised weights. */
	public TrainingRequest(Path dataset, String method, Map<String, String> methodSettings, TrainingSettings settings,
		Path output, int unlabelledValue, int labelledPatients, int numClasses, double validationFraction,
		String trainList, String validationList, String normalization, boolean resume, boolean allowPadding) {
		this(dataset, method, methodSettings, settings, output, unlabelledValue, labelledPatients, numClasses,
			validationFraction, trainList, validationList, normalization, resume, allowPadding, null, null);
	}

	/** The same request starting from the weights of model folder {@code model} ({@code null}: from scratch). */
	public TrainingRequest withInitModel(Path model) {
		return new TrainingRequest(dataset, method, methodSettings, settings, output, unlabelledValue,
			labelledPatients, numClasses, validationFraction, trainList, validationList, normalization, resume,
			allowPadding, model, unlabelledImages);
	}

	/** The same request with a folder of further unlabelled images ({@code null}: none). */
	public TrainingRequest withUnlabelledImages(Path folder) {
		return new TrainingRequest(dataset, method, methodSettings, settings, output, unlabelledValue,
			labelledPatients, numClasses, validationFraction, trainList, validationList, normalization, resume,
			allowPadding, initModel, folder);
	}
}
