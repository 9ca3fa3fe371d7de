package org.labelefficient.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelefficient.method.MethodContext;
import org.labelefficient.method.MethodGraph;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.method.TrainingInputs;
import org.labelefficient.method.TrainingMethod;
import org.labelefficient.nn.Adam;
import org.labelefficient.nn.Optimizer;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.Sgd;
import org.labelefficient.nn.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A method's training graph plus what the loop adds to every method: the optimiser chosen in the settings and an
 * inference forward pass of the predicting network for validation.
 */
final class TrainingGraph {

	final Graph graph = new Graph();
	final Ops tf = Ops.create(graph);
	final TrainingInputs inputs;
	final MethodGraph method;
	final Placeholder<TFloat32> validationImages;
	final Operand<TFloat32> validationProbabilities;

	TrainingGraph(TrainingMethod trainingMethod, UNetConfig network, TrainingSettings settings,
		SettingValues methodSettings, Path initModel) {
		inputs = settings.dimensions() == 3 ? new TrainingInputs(tf, settings.patchShape()) : new TrainingInputs(tf,
			settings.patchSize());
		MethodContext context = new MethodContext(graph, tf, inputs, network, (ops, prefix) -> optimizer(ops, prefix,
			settings), methodSettings, trainingMethod.batchPlan(settings.batchSize()), initModel);
		method = trainingMethod.build(context);
		Shape validation = network.dimensions() == 3 ? Shape.of(-1, -1, -1, -1, 1) : Shape.of(-1, -1, -1, 1);
		validationImages = tf.withName("validation_images").placeholder(TFloat32.class, Placeholder.shape(validation));
		validationProbabilities = tf.nn.softmax(method.predictor().forward(tf, validationImages, false, null)
			.logits());
	}

	private static Optimizer optimizer(Ops tf, String prefix, TrainingSettings s) {
		return s.optimizer().equals("sgd") ? new Sgd(tf, prefix, (float) s.momentum(), s.nesterov(), (float) s
			.weightDecay()) : new Adam(tf, prefix, (float) s.weightDecay());
	}

	/** Every variable set of the graph. */
	List<ParameterSet> variables() {
		return new ArrayList<>(method.variables());
	}
}
