package org.labelefficient.method;

import static org.labelefficient.data.BatchPlan.LabelKind.DENSE;
import static org.labelefficient.data.BatchPlan.LabelKind.SCRIBBLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.io.BadInputException;

/**
 * The registry of training methods by id. Each entry states its id and what its batches hold, so that the lists of
 * methods (dialogs, option checks) are known without making a method: ImageJ's JVM lists them without TensorFlow's
 * classes, which live in the engine's own folder (docs/install.md). MethodsTest checks each entry against its method.
 */
public final class Methods {

	/** A method's id, the labels it learns from, whether it uses unlabelled images, and its factory. */
	private record Entry(BatchPlan.LabelKind kind, boolean unlabelled, Supplier<TrainingMethod> factory) {}

	private static final Map<String, Entry> METHODS = new LinkedHashMap<>();

	static {
		register("supervised", DENSE, false, () -> new Supervised());
		register("pce", SCRIBBLE, false, () -> new PartialCrossEntropy());
		register("em", SCRIBBLE, false, () -> new EntropyMinimization());
		register("scribsd", SCRIBBLE, false, () -> new ScribSD());
		register("dmpls", SCRIBBLE, false, () -> new Dmpls());
		register("mean-teacher", DENSE, true, () -> new MeanTeacher());
		register("reciprocal", DENSE, true, () -> new Reciprocal());
		register("action", DENSE, true, () -> new Action());
	}

	private Methods() {}

	private static void register(String id, BatchPlan.LabelKind kind, boolean unlabelled,
		Supplier<TrainingMethod> factory) {
		METHODS.put(id, new Entry(kind, unlabelled, factory));
	}

	/** A new instance of the method with the given id. */
	public static TrainingMethod get(String id) {
		Entry entry = METHODS.get(id);
		if (entry == null) throw new BadInputException("Unknown method '" + id + "'; available: " + String.join(
			", ", METHODS.keySet()));
		return entry.factory().get();
	}

	/** The ids of the methods that learn from {@code kind} of annotation, in registry order. */
	public static List<String> ids(BatchPlan.LabelKind kind) {
		return METHODS.entrySet().stream().filter(e -> e.getValue().kind() == kind).map(Map.Entry::getKey).toList();
	}

	/** The ids of the methods that learn from unlabelled images (half of their batches are unlabelled). */
	public static List<String> semiSupervisedIds() {
		return METHODS.entrySet().stream().filter(e -> e.getValue().unlabelled()).map(Map.Entry::getKey).toList();
	}

	/** The ids of the semi-supervised methods that train a network of {@code dimensions} (2 or 3). */
	public static List<String> semiSupervisedIds(int dimensions) {
		List<String> volumetric = dimensions == 3 ? volumetricIds() : null;
		return semiSupervisedIds().stream().filter(id -> volumetric == null || volumetric.contains(id)).toList();
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
