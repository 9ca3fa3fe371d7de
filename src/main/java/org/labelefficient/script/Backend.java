package org.labelefficient.script;

import java.io.IOException;
import java.util.List;

import org.labelefficient.io.Volume;

/**
 * Where a {@link Segmenter} segments: in this JVM ({@link InProcessBackend}, TensorFlow on the class path) or through
 * the engine boundary ({@link EngineBackend}, an installed Fiji whose engine runs in a Java process of its own). Only
 * plain types here, so that the interface loads without TensorFlow.
 */
interface Backend {

	/** The labels, and the class probabilities and uncertainty when asked for (else an empty list and null). */
	record Prediction(Volume labels, List<Volume> probabilities, Volume uncertainty) {}

	/** The number of classes, background included. */
	int numClasses();

	/** The class names, background first (may be empty). */
	List<String> classNames();

	/** Segments {@code image} (x fastest); {@code probabilities}: the probability maps and uncertainty too. */
	Prediction predict(Volume image, boolean probabilities);

	/** In words, for scripts that ask: where the segmenting runs. */
	String describe();

	/** Frees the network and removes an imported model folder. */
	void close() throws IOException;
}
