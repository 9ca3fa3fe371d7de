package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.op.nn.MaxPool3d;
import org.tensorflow.op.nn.MaxPool3dGrad;
import org.tensorflow.types.TFloat32;

/**
 * Registers the gradients that TensorFlow Java 1.1.0 lacks for the 3D U-Net's ops: {@code Conv3D} (from
 * {@code Conv3DBackpropInputV2} and {@code Conv3DBackpropFilterV2}) and {@code MaxPool3D} (from
 * {@code MaxPool3DGrad}). Registration is process-wide and happens once; graphs without these ops are unaffected.
 */
public final class VolumeGradients {

	private static boolean registered;

	private VolumeGradients() {}

	/** Registers the gradients unless already done; safe to call before building every 3D graph. */
	public static synchronized void register() {
		if (registered) return;
		TensorFlow.registerCustomGradient(Conv3d.Inputs.class, VolumeGradients::conv3d);
		TensorFlow.registerCustomGradient(MaxPool3d.Inputs.class, VolumeGradients::maxPool3d);
		registered = true;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List<Operand<?>> conv3d(Ops tf, Conv3d.Inputs op, List<org.tensorflow.Output<?>> grads) {
		Operand<TFloat32> dy = (Operand<TFloat32>) grads.get(0);
		Operand<TFloat32> input = op.input, filter = op.filter;
		List<Long> strides = longs(op.strides), dilations = longs(op.dilations);
		List<Operand<?>> out = new ArrayList<>();
		out.add(tf.nn.conv3dBackpropInput(tf.shape(input), filter, dy, strides, op.padding, Conv3dBackpropInput
			.dataFormat(op.dataFormat), Conv3dBackpropInput.dilations(dilations)));
		out.add(tf.nn.conv3dBackpropFilter(input, tf.shape(filter), dy, strides, op.padding, Conv3dBackpropFilter
			.dataFormat(op.dataFormat), Conv3dBackpropFilter.dilations(dilations)));
		return out;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List<Operand<?>> maxPool3d(Ops tf, MaxPool3d.Inputs op, List<org.tensorflow.Output<?>> grads) {
		Operand<TFloat32> dy = (Operand<TFloat32>) grads.get(0);
		Operand<TFloat32> input = op.input;
		Operand<TFloat32> output = ((MaxPool3d<TFloat32>) op.getOutputs()).output();
		List<Operand<?>> out = new ArrayList<>();
		out.add(tf.nn.maxPool3dGrad(input, output, dy, longs(op.ksize), longs(op.strides), op.padding, MaxPool3dGrad
			.dataFormat(op.dataFormat)));
		return out;
	}

	private static List<Long> longs(long[] values) {
		List<Long> out = new ArrayList<>();
		for (long v : values)
			out.add(v);
		return out;
	}
}
