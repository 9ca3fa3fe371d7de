package org.labelefficient.data;

/**
 * What one training batch holds: {@code labelled} samples with labels of {@code kind}, then {@code unlabelled}
 * samples whose labels are all -1.
 */
public record BatchPlan(int labelled, int unlabelled, LabelKind kind) {

	/** Which annotation a method learns from. */
	public enum LabelKind {
		/** Dense label images. */
		DENSE,
		/** Scribble images (unannotated pixels are -1). */
		SCRIBBLE
	}

	/** Validates the counts. */
	public BatchPlan {
		if (labelled < 1) throw new IllegalArgumentException("A batch needs at least one labelled sample");
		if (unlabelled < 0) throw new IllegalArgumentException("Negative unlabelled count");
	}

	/** Half labelled (dense labels, at least one sample), half unlabelled: the semi-supervised batches of SSL4MIS. */
	public static BatchPlan halfLabelled(int batchSize) {
		int labelled = Math.max(1, batchSize / 2);
		return new BatchPlan(labelled, batchSize - labelled, LabelKind.DENSE);
	}

	/** Total batch size. */
	public int size() {
		return labelled + unlabelled;
	}
}
