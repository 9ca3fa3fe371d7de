package org.labelefficient.spark;

import java.io.Serializable;

import org.labelefficient.infer.PredictionOptions;

/**
 * What the executors need to predict, as plain values that Spark ships to them: the model folder's path (each
 * executor JVM opens it once, see {@link ModelCache}; TensorFlow sessions cannot be serialised) and the prediction
 * options.
 */
record PredictSpec(String model, String checkpoint, boolean probabilities, boolean largestComponent,
	double tileOverlap, boolean mirror) implements Serializable {

	static PredictSpec of(String model, PredictionOptions o) {
		return new PredictSpec(model, o.checkpoint(), o.probabilities(), o.largestComponent(), o.tileOverlap(), o
			.mirror());
	}

	PredictionOptions options() {
		return new PredictionOptions(checkpoint, probabilities, largestComponent, tileOverlap, mirror);
	}
}
