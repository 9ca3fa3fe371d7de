package org.labelefficient.infer;

import org.labelefficient.io.BadInputException;

/**
 * How to predict: which saved network of the model folder ({@code best} or {@code latest}), whether to write the
 * probability maps, whether to keep only the largest connected component of each class, and the tile overlap.
 */
public record PredictionOptions(String checkpoint, boolean probabilities, boolean largestComponent,
	double tileOverlap) {

	/** Checks the values. */
	public PredictionOptions {
		if (!checkpoint.equals("best") && !checkpoint.equals("latest")) throw new BadInputException(
			"checkpoint must be best or latest, got '" + checkpoint + "'");
		if (tileOverlap < 0 || tileOverlap > 0.9) throw new BadInputException("tile_overlap must be in [0, 0.9], got "
			+ tileOverlap);
	}

	/** The defaults: best network, labels only, no post-processing, overlap 0.25. */
	public static PredictionOptions defaults() {
		return new PredictionOptions("best", false, false, 0.25);
	}
}
