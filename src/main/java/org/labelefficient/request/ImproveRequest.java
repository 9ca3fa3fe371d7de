package org.labelefficient.request;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.DatasetSettings;
import org.labelefficient.io.BadInputException;
import org.labelefficient.method.Methods;
import org.labelefficient.method.WarmStart;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;

/**
 * The request that improves a trained model with unlabelled images, as people work: train on the few labelled images
 * first, look at the result, then add unlabelled ones. A semi-supervised method trains a new model folder on the
 * model's own dataset and settings (as recorded in its {@code model.json}), its unlabelled cases plus any folder of
 * further unlabelled images ({@code unlabelled_images}), starting from the model's weights ({@code init_model}); the
 * run validates those weights first, so the new best model is never below the one it started from.
 */
public final class ImproveRequest {

	private ImproveRequest() {}

	/**
	 * The training options that improve model folder {@code model}: its recorded options, then {@code given} (which
	 * must name the {@code method} and the {@code output} folder, and may set any other training key).
	 */
	public static Map<String, String> options(Path model, Map<String, String> given) {
		ModelInfo info = ModelInfo.read(model);
		String key = RequestSettings.METHOD.key(), method = given.get(key);
		List<String> semiSupervised = Methods.semiSupervisedIds();
		if (method == null || method.isBlank()) throw new BadInputException("Missing option '" + key
			+ "=' for improve; choose one that learns from unlabelled images: " + String.join(", ", semiSupervised));
		if (!semiSupervised.contains(method)) throw new BadInputException(key + "=" + method
			+ " does not learn from unlabelled images; improve takes " + String.join(", ", semiSupervised));
		Map<String, String> o = ContinueRequest.recorded(info);
		// a new run with a budget of its own, over which its method lays out its own phases
		o.remove(LoopSettings.ITERATIONS.key());
		o.remove(LoopSettings.PHASE_ITERATIONS.key());
		o.remove(DatasetSettings.UNLABELLED_IMAGES.key());
		o.put(WarmStart.INIT_MODEL.key(), model.toString());
		o.putAll(given);
		return o;
	}
}
