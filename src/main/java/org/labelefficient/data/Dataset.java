package org.labelefficient.data;

import java.util.Arrays;
import java.util.List;

/**
 * A dataset ready for training: 2D training slices (labelled and unlabelled), validation volumes with dense labels,
 * and what the annotations contain.
 *
 * @param scribbleCounts scribbled voxels per class over the labelled training slices
 * @param denseCounts labelled voxels per class over the labelled training slices
 */
public record Dataset(List<TrainingSlice> slices, List<LabelledVolume> validation, int numClasses,
	List<String> trainingCases, List<String> unlabelledCases, long[] scribbleCounts, long[] denseCounts) {

	/** Number of slices with dense labels. */
	public long denseSlices() {
		return slices.stream().filter(s -> s.dense() != null).count();
	}

	/** Number of slices with scribbles. */
	public long scribbleSlices() {
		return slices.stream().filter(s -> s.scribble() != null).count();
	}

	/** Number of slices without annotation. */
	public long unlabelledSlices() {
		return slices.stream().filter(TrainingSlice::unlabelled).count();
	}

	/**
	 * A one-line description for logs; with scribbles, the scribbled pixels per class (which shows what
	 * {@code background_margin} added).
	 */
	public String summary() {
		String counts = scribbleSlices() == 0 ? "" : "; scribbled pixels per class " + Arrays.toString(
			scribbleCounts);
		return String.format("%d training cases (%d unlabelled), %d slices: %d with labels, %d with scribbles, "
			+ "%d unlabelled; %d validation cases; %d classes%s", trainingCases.size(), unlabelledCases.size(), slices
				.size(), denseSlices(), scribbleSlices(), unlabelledSlices(), validation.size(), numClasses, counts);
	}
}
