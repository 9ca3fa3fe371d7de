package org.labelefficient.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.io.BadInputException;

/** The registry of training methods by id. */
public final class Methods {

	private static final Map<String, Supplier<TrainingMethod>> METHODS = new LinkedHashMap<>();

	static {
		register(Supervised::new);
		register(PartialCrossEntropy::new);
		register(EntropyMinimization::new);
		register(ScribSD::new);
		register(Dmpls::new);
		register(MeanTeacher::new);
		register(Reciprocal::new);
		register(Action::new);
	}

	private Methods() {}

	private static void register(Supplier<TrainingMethod> factory) {
		METHODS.put(factory.get().id(), factory);
	}

	/** A new instance of the method with the given id. */
	public static TrainingMethod get(String id) {
		Supplier<TrainingMethod> factory = METHODS.get(id);
		if (factory == null) throw new BadInputException("Unknown method '" + id + "'; available: " + String.join(
			", ", METHODS.keySet()));
		return factory.get();
	}

	/** The ids of the methods that learn from {@code kind} of annotation, in registry order. */
	public static List<String> ids(BatchPlan.LabelKind kind) {
		return METHODS.keySet().stream().filter(id -> get(id).batchPlan(2).kind() == kind).toList();
	}

	/** The ids of the methods that learn from unlabelled images (half of their batches are unlabelled). */
	public static List<String> semiSupervisedIds() {
		return METHODS.keySet().stream().filter(id -> get(id).batchPlan(2).unlabelled() > 0).toList();
	}

	/** The ids of the methods that train a 3D U-Net ({@code dimensions=3}), in registry order. */
	public static List<String> volumetricIds() {
		return METHODS.keySet().stream().filter(id -> get(id).volumetric()).toList();
	}

	/** The ids of all methods. */
	public static List<String> ids() {
		return List.copyOf(METHODS.keySet());
	}
}
