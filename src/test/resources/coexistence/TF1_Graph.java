import ij.IJ;
import ij.plugin.PlugIn;

import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.TensorFlow;
import org.tensorflow.Tensors;

/**
 * A TensorFlow 1.x plugin like CSBDeep's, for CoexistenceTest: builds the graph a*b+c with TensorFlow 1.15's Java API
 * (compiled by the test against libtensorflow-1.15.0.jar) and logs the result and the version.
 */
public class TF1_Graph implements PlugIn {

	@Override
	public void run(String arg) {
		try (Graph g = new Graph()) {
			Output<Float> a = constant(g, "a", 3f), b = constant(g, "b", 4f), c = constant(g, "c", 0.5f);
			Output<Float> ab = g.<Float> opBuilder("Mul", "ab").addInput(a).addInput(b).build().output(0);
			g.opBuilder("Add", "abc").addInput(ab).addInput(c).build();
			try (Session s = new Session(g); Tensor<?> r = s.runner().fetch("abc").run().get(0)) {
				IJ.log("TF1 graph: 3*4+0.5 = " + r.floatValue() + " with TensorFlow " + TensorFlow.version());
			}
		}
	}

	private static Output<Float> constant(Graph g, String name, float value) {
		try (Tensor<Float> t = Tensors.create(value)) {
			return g.<Float> opBuilder("Const", name).setAttr("dtype", t.dataType()).setAttr("value", t).build().output(0);
		}
	}
}
