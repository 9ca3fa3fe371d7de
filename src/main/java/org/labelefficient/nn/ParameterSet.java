package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A named group of float variables in a graph (the weights of one network, or an optimiser's state), with
 * deterministic initial values computed in Java from a seed, and reading and writing of all values by name. Names are
 * local to the set, so two networks of the same architecture (student and teacher) exchange values directly. Graph
 * variable names are {@code prefix_name}: TensorFlow Java variable names must not contain {@code /}.
 */
public final class ParameterSet {

	/** How a variable starts. */
	public enum Init {
		/** Zero-mean normal with variance 2 / fan-in (He et al. 2015), for weights followed by (leaky) ReLU. */
		HE_NORMAL, ZEROS, ONES
	}

	/** One variable and the ops that write it. */
	public record Parameter(String name, Shape shape, Init init, long fanIn, boolean trainable,
		Variable<TFloat32> variable, Placeholder<TFloat32> feed, Assign<TFloat32> assign) {}

	private final Ops tf;
	private final String prefix;
	private final Map<String, Parameter> parameters = new LinkedHashMap<>();

	/** A set whose graph variables are named {@code prefix_name}. */
	public ParameterSet(Ops tf, String prefix) {
		this.tf = tf;
		this.prefix = prefix;
	}

	/** Adds a trainable variable. */
	public Variable<TFloat32> trainable(String name, Init init, long fanIn, long... shape) {
		return add(name, init, fanIn, true, shape);
	}

	/** Adds a variable that no optimiser updates (batch-norm statistics, optimiser moments). */
	public Variable<TFloat32> state(String name, Init init, long... shape) {
		return add(name, init, 1, false, shape);
	}

	private Variable<TFloat32> add(String name, Init init, long fanIn, boolean trainable, long... shape) {
		if (parameters.containsKey(name)) throw new IllegalArgumentException("Duplicate parameter " + name);
		String full = prefix + "_" + name;
		Shape s = Shape.of(shape);
		Variable<TFloat32> variable = tf.withName(full).variable(s, TFloat32.class);
		Placeholder<TFloat32> feed = tf.withName(full + "_value").placeholder(TFloat32.class,
			Placeholder.shape(s));
		Assign<TFloat32> assign = tf.withName(full + "_assign").assign(variable, feed);
		parameters.put(name, new Parameter(name, s, init, fanIn, trainable, variable, feed, assign));
		return variable;
	}

	/** The variable with the given local name. */
	public Variable<TFloat32> variable(String name) {
		Parameter p = parameters.get(name);
		if (p == null) throw new IllegalArgumentException("No parameter " + name + " in " + prefix);
		return p.variable();
	}

	/** The prefix of the graph variable names. */
	public String prefix() {
		return prefix;
	}

	/** All parameters in creation order. */
	public List<Parameter> parameters() {
		return Collections.unmodifiableList(new ArrayList<>(parameters.values()));
	}

	/** The trainable variables in creation order. */
	public List<Variable<TFloat32>> trainableVariables() {
		List<Variable<TFloat32>> out = new ArrayList<>();
		for (Parameter p : parameters.values())
			if (p.trainable()) out.add(p.variable());
		return out;
	}

	/** Total number of trainable values. */
	public long trainableCount() {
		long n = 0;
		for (Parameter p : parameters.values())
			if (p.trainable()) n += p.shape().size();
		return n;
	}

	/** Sets every variable to its initial value; the values depend only on the seed and the parameter names. */
	public void initialize(Session session, long seed) {
		Map<String, float[]> values = new LinkedHashMap<>();
		for (Parameter p : parameters.values())
			values.put(p.name(), initialValues(p, new Random(seed * 31 + p.name().hashCode())));
		write(session, values);
	}

	private static float[] initialValues(Parameter p, Random random) {
		float[] v = new float[Math.toIntExact(p.shape().size())];
		switch (p.init()) {
			case ONES -> java.util.Arrays.fill(v, 1f);
			case HE_NORMAL -> {
				double std = Math.sqrt(2.0 / p.fanIn());
				for (int i = 0; i < v.length; i++)
					v[i] = (float) (random.nextGaussian() * std);
			}
			case ZEROS -> {}
		}
		return v;
	}

	/** Reads all values, keyed by local name. */
	public Map<String, float[]> read(Session session) {
		Session.Runner runner = session.runner();
		List<Parameter> list = parameters();
		for (Parameter p : list)
			runner.fetch(p.variable());
		Map<String, float[]> out = new LinkedHashMap<>();
		try (var result = runner.run()) {
			for (int i = 0; i < list.size(); i++)
				out.put(list.get(i).name(), Tensors.read(result.get(i)));
		}
		return out;
	}

	/** Writes the given values (keyed by local name); every parameter of this set must be present. */
	public void write(Session session, Map<String, float[]> values) {
		Session.Runner runner = session.runner();
		List<Tensor> tensors = new ArrayList<>();
		try {
			for (Parameter p : parameters.values()) {
				float[] v = values.get(p.name());
				if (v == null) throw new IllegalArgumentException("No value for parameter " + p.name());
				if (v.length != p.shape().size()) throw new IllegalArgumentException("Parameter " + p.name()
					+ " has " + p.shape().size() + " values, got " + v.length);
				Tensor t = Tensors.floats(v, p.shape().asArray());
				tensors.add(t);
				runner.feed(p.feed(), t).addTarget(p.assign());
			}
			runner.run().close();
		}
		finally {
			tensors.forEach(Tensor::close);
		}
	}
}
