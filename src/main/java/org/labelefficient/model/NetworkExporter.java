package org.labelefficient.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.labelefficient.io.AtomicFiles;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.SessionFactory;
import org.labelefficient.nn.UNet;
import org.labelefficient.nn.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained U-Net as a TensorFlow SavedModel holding only the inference graph: input {@value #INPUT} ({@code [N,
 * H, W, 1]} float, H and W multiples of the network's size divisor; {@code [N, D, H, W, 1]} for a 3D network, each axis
 * a multiple of its divisor), output {@value #OUTPUT} (softmax probabilities {@code [N, H, W, K]} or {@code [N, D, H,
 * W, K]}), signature {@value #SIGNATURE}. It loads without this code, in Java or Python. The write is atomic: a
 * temporary folder is renamed over the target.
 */
public final class NetworkExporter {

	/** Name of the input tensor and signature input. */
	public static final String INPUT = "image";
	/** Name of the output tensor and signature output. */
	public static final String OUTPUT = "probabilities";
	/** Prefix of the network's variable names in the SavedModel ({@code net_<parameter>}). */
	public static final String PARAMETERS = "net";
	/** Signature key. */
	public static final String SIGNATURE = "serving_default";

	private NetworkExporter() {}

	/** Exports a network with the given architecture and weights (keyed by local parameter name) to {@code dir}. */
	public static void export(UNetConfig config, Map<String, float[]> weights, Path dir) throws IOException {
		Path parent = dir.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
		Files.delete(tmp);
		try (Graph g = new Graph(); Session s = SessionFactory.open(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(config, new ParameterSet(tf, PARAMETERS));
			int in = config.inChannels();
			Shape shape = config.dimensions() == 3 ? Shape.of(-1, -1, -1, -1, in) : Shape.of(-1, -1, -1, in);
			Placeholder<TFloat32> input = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(shape));
			Operand<TFloat32> probabilities = tf.withName(OUTPUT).nn.softmax(net.forward(tf, input, false, null)
				.logits());
			net.weights().write(s, weights);
			Signature signature = Signature.builder().key(SIGNATURE).input(INPUT, input).output(OUTPUT, probabilities)
				.build();
			SavedModelBundle.exporter(tmp.toString()).withSession(s).withSignature(signature).export();
		}
		AtomicFiles.replaceDirectory(tmp, dir);
	}
}
