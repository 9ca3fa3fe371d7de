package org.labelefficient.bioimage;

import java.util.HashMap;
import java.util.Map;

import org.tensorflow.TensorFlow;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Makes the packaged {@code saved_model.pb} loadable by older TensorFlow runtimes (DeepImageJ's engines, TF 1.15 up
 * to 2.10) without changing what it computes: attributes that hold their op's default value are left out, as
 * TensorFlow's own {@code strip_default_attrs} does (a runtime adds them back on loading), and the
 * {@code exponential_avg_factor} of batch norms in inference mode ({@code is_training} false), which the kernel
 * ignores there and which runtimes before TF 2.2 do not know, is dropped. Measured: TF 1.15 then runs the weights
 * and reproduces the test output (docs/bioimage.md).
 */
final class GraphCompat {

	private static final String BATCH_NORM = "FusedBatchNormV3", AVERAGE_FACTOR = "exponential_avg_factor",
		TRAINING = "is_training";

	private GraphCompat() {}

	/** The rewritten bytes of a {@code saved_model.pb}. */
	static byte[] forOlderRuntimes(byte[] savedModel) throws InvalidProtocolBufferException {
		Map<String, OpDef> ops = new HashMap<>();
		for (OpDef op : TensorFlow.registeredOpList().getOpList())
			ops.put(op.getName(), op);
		SavedModel.Builder model = SavedModel.parseFrom(savedModel).toBuilder();
		for (MetaGraphDef.Builder meta : model.getMetaGraphsBuilderList()) {
			GraphDef.Builder graph = meta.getGraphDefBuilder();
			for (NodeDef.Builder node : graph.getNodeBuilderList()) {
				OpDef op = ops.get(node.getOp());
				if (op != null) for (OpDef.AttrDef attr : op.getAttrList()) {
					AttrValue value = node.getAttrMap().get(attr.getName());
					if (attr.hasDefaultValue() && attr.getDefaultValue().equals(value)) node.removeAttr(attr.getName());
				}
				AttrValue training = node.getAttrMap().get(TRAINING);
				if (node.getOp().equals(BATCH_NORM) && training != null && !training.getB()) node.removeAttr(
					AVERAGE_FACTOR);
			}
			meta.getMetaInfoDefBuilder().setStrippedDefaultAttrs(true);
		}
		return model.build().toByteArray();
	}
}
