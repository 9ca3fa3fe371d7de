package org.labelefficient.method;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The values fed to a training graph each iteration: a batch of patches {@code [B, P, P, 1]} (3D: {@code [B, Z, Y, X,
 * 1]}), their label maps {@code [B, P, P]} ({@code [B, Z, Y, X]}) (class values, -1 where a pixel is unlabelled; in a
 * semi-supervised batch the unlabelled samples come last and are all -1), the learning rate, the 1-based step, the
 * training progress in [0, 1] (for ramp-ups) and a stateless random seed {@code int64[2]}.
 */
public final class TrainingInputs {

	public final Placeholder<TFloat32> images;
	public final Placeholder<TInt32> labels;
	public final Placeholder<TFloat32> learningRate;
	public final Placeholder<TFloat32> step;
	public final Placeholder<TFloat32> progress;
	public final Placeholder<TInt64> seed;

	/** Creates the placeholders for square patches of {@code patchSize}. */
	public TrainingInputs(Ops tf, int patchSize) {
		this(tf, new int[] { patchSize, patchSize });
	}

	/** Creates the placeholders for patches of {@code shape} ({@code y, x}, or {@code z, y, x} for 3D patches). */
	public TrainingInputs(Ops tf, int[] shape) {
		long[] image = new long[shape.length + 2], label = new long[shape.length + 1];
		image[0] = label[0] = -1;
		for (int a = 0; a < shape.length; a++)
			image[a + 1] = label[a + 1] = shape[a];
		image[image.length - 1] = 1;
		images = tf.withName("train_images").placeholder(TFloat32.class, Placeholder.shape(Shape.of(image)));
		labels = tf.withName("train_labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(label)));
		learningRate = scalar(tf, "learning_rate");
		step = scalar(tf, "step");
		progress = scalar(tf, "progress");
		seed = tf.withName("seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
	}

	private static Placeholder<TFloat32> scalar(Ops tf, String name) {
		return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
	}
}
