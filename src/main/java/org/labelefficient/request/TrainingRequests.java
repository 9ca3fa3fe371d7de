package org.labelefficient.request;

import java.util.LinkedHashMap;
import java.util.Map;

import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingRequest;

/**
 * Builds the one {@link TrainingRequest} from a door's options: the keys {@code train} declares for the chosen method
 * are taken (and marked as used), the rest are left for {@link Options#checkAllUsed()} to report.
 */
public final class TrainingRequests {

	private TrainingRequests() {}

	/** The request that {@code options} describe. */
	public static TrainingRequest of(Options options) {
		String method = options.string(RequestSettings.METHOD.key());
		Map<String, String> given = new LinkedHashMap<>();
		for (String key : TrainingRequest.keys(method))
			if (options.has(key)) given.put(key, options.string(key));
		return TrainingRequest.of(given);
	}
}
