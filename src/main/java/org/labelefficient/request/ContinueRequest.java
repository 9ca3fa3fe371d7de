package org.labelefficient.request;

import static org.labelefficient.data.DatasetSettings.*;
import static org.labelefficient.train.RequestSettings.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.train.LoopSettings;

/**
 * The options that continue a model's training from its checkpoint: every setting as recorded in its
 * {@code model.json} (loop, data and method settings), a new total of iterations over which the learning-rate
 * schedule is stretched, the first run's budget as {@code phase_iterations} (a method's phases and ramp-ups stay where
 * that run laid them out, so ACTION stays in stage iii and Reciprocal Learning does not pre-train its teacher again),
 * {@code resume=true}. Every door turns them into a request with {@link org.labelefficient.train.TrainingRequest#of}.
 */
public final class ContinueRequest {

	private ContinueRequest() {}

	/** The training options of model folder {@code model} with {@code iterations} as the new total. */
	public static Map<String, String> options(Path model, int iterations) {
		ModelInfo info = ModelInfo.read(model);
		if (iterations <= info.iterationsDone) throw new BadInputException(model, "has already trained "
			+ info.iterationsDone + " iterations; ask for a larger total than that, not " + iterations);
		Map<String, String> o = recorded(info);
		// the phases and ramp-ups keep the first run's layout: the continued run stays in its last phase
		String phases = o.getOrDefault(LoopSettings.PHASE_ITERATIONS.key(), "0");
		if (phases.equals("0")) o.put(LoopSettings.PHASE_ITERATIONS.key(), o.getOrDefault(LoopSettings.ITERATIONS
			.key(), Integer.toString(info.iterationsDone)));
		o.put(LoopSettings.ITERATIONS.key(), Integer.toString(iterations));
		o.put(METHOD.key(), info.method);
		o.putAll(info.methodSettings);
		o.put(OUTPUT.key(), model.toString());
		o.put(RESUME.key(), "true");
		return o;
	}

	/** The options a model was trained with, as recorded in its description, without its method's settings. */
	static Map<String, String> recorded(ModelInfo info) {
		Map<String, String> o = new LinkedHashMap<>();
		info.training.forEach((k, v) -> o.put(k, number(v)));
		o.put(UNLABELLED_VALUE.key(), Integer.toString(info.unlabelledValue));
		o.put(NORMALIZATION.key(), info.normalization);
		o.put(NUM_CLASSES.key(), Integer.toString(info.numClasses));
		return o;
	}

	/** JSON numbers come back as doubles: whole values are written without ".0" so that integer keys parse. */
	private static String number(Object v) {
		if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString(d.longValue());
		return String.valueOf(v);
	}
}
