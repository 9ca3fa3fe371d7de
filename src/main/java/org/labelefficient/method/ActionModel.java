package org.labelefficient.method;

import java.util.ArrayList;
import java.util.List;

import org.labelefficient.method.ActionPlan.Stage;
import org.labelefficient.nn.LinearHead;
import org.labelefficient.nn.LocalPatches;
import org.labelefficient.nn.MemoryQueue;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.ParameterSet.Init;
import org.labelefficient.nn.RepresentationHead;
import org.labelefficient.nn.UNet;
import org.labelefficient.nn.UNetConfig;
import org.labelefficient.setting.SettingValues;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The variables of an ACTION run, created for the stages it trains: the student and its EMA teacher; for the global
 * distillation (stages i, ii) the student's projection head and predictor, the teacher's head (the EMA of the
 * student's) and the memory of teacher embeddings; for the local distillation (stage ii) the same on local windows;
 * for stage iii the representation head; and one step counter per stage (stage-local optimiser steps and EMA warm-up).
 * Variable names do not depend on the stages, so a later stage loads an earlier stage's by name.
 */
final class ActionModel {

	final UNet student, teacher;
	final LinearHead globalHead, teacherGlobalHead, globalPredictor;
	final LinearHead localHead, teacherLocalHead, localPredictor;
	final MemoryQueue globalQueue, localQueue;
	final RepresentationHead representation;
	final ParameterSet counters;
	private final int localDim;

	ActionModel(MethodContext c, ActionPlan plan) {
		Ops tf = c.tf();
		SettingValues s = c.settings();
		UNetConfig net = c.network();
		student = new UNet(net, new ParameterSet(tf, "student"));
		teacher = new UNet(net, new ParameterSet(tf, "teacher"));
		counters = new ParameterSet(tf, "action_steps");
		for (Stage st : Stage.values())
			counters.state(st.key, Init.ZEROS);
		int[] ch = net.channels();
		int bottleneck = ch[ch.length - 1], latent = s.get(ActionSettings.LATENT_DIM), k = net.numClasses();
		int memory = s.get(ActionSettings.MEMORY_SIZE), pooling = s.get(ActionSettings.LOCAL_POOLING);
		boolean global = plan.has(Stage.I) || plan.has(Stage.II), local = plan.has(Stage.II);
		globalHead = global ? new LinearHead(new ParameterSet(tf, "global_head"), "g", bottleneck, bottleneck, latent)
			: null;
		teacherGlobalHead = global ? new LinearHead(new ParameterSet(tf, "teacher_global_head"), "g", bottleneck,
			bottleneck, latent) : null;
		globalPredictor = global ? new LinearHead(new ParameterSet(tf, "global_predictor"), "p", latent, latent,
			latent) : null;
		globalQueue = global ? new MemoryQueue(new ParameterSet(tf, "global_queue"), memory, latent) : null;
		localHead = local ? new LinearHead(new ParameterSet(tf, "local_head"), "l", k, 2 * k, k) : null;
		teacherLocalHead = local ? new LinearHead(new ParameterSet(tf, "teacher_local_head"), "l", k, 2 * k, k) : null;
		localPredictor = local ? new LinearHead(new ParameterSet(tf, "local_predictor"), "p", k, k, k) : null;
		localDim = pooling * pooling * k;
		localQueue = local ? new MemoryQueue(new ParameterSet(tf, "local_queue"), memory, LocalPatches.PER_AXIS
			* LocalPatches.PER_AXIS, localDim) : null;
		int decoderChannels = 0;
		for (int x : ch)
			decoderChannels += x;
		representation = plan.has(Stage.III) ? new RepresentationHead(new ParameterSet(tf, "representation"),
			decoderChannels, s.get(ActionSettings.REPRESENTATION_DIM), s.get(
				ActionSettings.REPRESENTATION_STRIDE)) : null;
	}

	/** Size of a local window's embedding. */
	int localDim() {
		return localDim;
	}

	/** The step counter of {@code stage}. */
	Variable<TFloat32> counter(Stage stage) {
		return counters.variable(stage.key);
	}

	/** The 1-based step within {@code stage}. */
	Operand<TFloat32> stepIn(Ops tf, Stage stage) {
		return tf.math.add(counter(stage), tf.constant(1f));
	}

	/** Every variable set that exists (the optimisers' states are added by the stages). */
	List<ParameterSet> variables() {
		List<ParameterSet> out = new ArrayList<>(List.of(student.weights(), teacher.weights(), counters));
		for (Object part : new Object[] { globalHead, teacherGlobalHead, globalPredictor, globalQueue, localHead,
			teacherLocalHead, localPredictor, localQueue, representation })
			if (part != null) out.add(weightsOf(part));
		return out;
	}

	/**
	 * What a run of stage ii takes from the stage i model's checkpoint: everything stage i trained (networks, global
	 * heads and memory, counters).
	 */
	List<ParameterSet> inheritedByStageII() {
		return List.of(student.weights(), teacher.weights(), counters, globalHead.weights(), teacherGlobalHead
			.weights(), globalPredictor.weights(), globalQueue.weights());
	}

	private static ParameterSet weightsOf(Object part) {
		if (part instanceof LinearHead h) return h.weights();
		if (part instanceof MemoryQueue q) return q.weights();
		return ((RepresentationHead) part).weights();
	}
}
