package org.labelefficient.bioimage;

import java.lang.reflect.Method;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs packaged weights with TensorFlow 1.15's Java API ({@code org.tensorflow:libtensorflow:1.15.0}), in a JVM of its
 * own whose class path holds that jar, its JNI jar and this project's classes but not TensorFlow Java 1.1.0 (same
 * package names). Reflection only, so that it compiles beside TensorFlow Java 1.1.0. Arguments: the unzipped weights
 * folder, the normalised test input ({@code .npy}), the file to write the output to ({@code .npy}). Prints the
 * runtime's version.
 */
public final class Tf1Runner {

	private Tf1Runner() {}

	public static void main(String[] args) throws Exception {
		ClassLoader tf = Tf1Runner.class.getClassLoader();
		Class<?> tensorFlow = tf.loadClass("org.tensorflow.TensorFlow");
		System.out.println("TensorFlow " + tensorFlow.getMethod("version").invoke(null));
		Npy.Array in = Npy.read(Files.readAllBytes(Path.of(args[1])));
		Class<?> bundleClass = tf.loadClass("org.tensorflow.SavedModelBundle");
		Object bundle = bundleClass.getMethod("load", String.class, String[].class).invoke(null, args[0],
			new String[] { "serve" });
		try {
			Object session = bundleClass.getMethod("session").invoke(bundle);
			Class<?> tensorClass = tf.loadClass("org.tensorflow.Tensor");
			Object input = tensorClass.getMethod("create", long[].class, FloatBuffer.class).invoke(null, in.shape(),
				FloatBuffer.wrap(in.data()));
			Object runner = session.getClass().getMethod("runner").invoke(session);
			Class<?> runnerClass = runner.getClass();
			runnerClass.getMethod("feed", String.class, tensorClass).invoke(runner, "image", input);
			runnerClass.getMethod("fetch", String.class).invoke(runner, "probabilities");
			Object output = ((List<?>) runnerClass.getMethod("run").invoke(runner)).get(0);
			long[] shape = (long[]) tensorClass.getMethod("shape").invoke(output);
			FloatBuffer values = FloatBuffer.allocate((int) (shape[0] * shape[1] * shape[2] * shape[3]));
			Method writeTo = tensorClass.getMethod("writeTo", FloatBuffer.class);
			writeTo.invoke(output, values);
			Files.write(Path.of(args[2]), Npy.float32(shape, values.array()));
		}
		finally {
			bundleClass.getMethod("close").invoke(bundle);
		}
	}
}
