package org.labelefficient.bioimage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * What a consumer's TensorFlow needs to run the packaged weights (docs/bioimage.md, "Which consumers"): read from the
 * saved_model.pb of the weights zip without loading it. The GraphDef's producer is TensorFlow Java 1.1.0's (TF 2.18,
 * GraphDef version 1994) and its min_consumer 0, so an older runtime's version check (consumer >= min_consumer, no
 * bad consumers) accepts it; what an older runtime needs beyond that is every op and attribute, listed here: if a
 * change adds one, this test fails so that the consumers' check in the docs is redone.
 */
public class ExportedGraphTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	/** The ops of the inference graph and its save/restore, all known to TensorFlow 1.15. */
	private static final Set<String> OPS = Set.of("Assign", "BiasAdd", "ConcatV2", "Const", "Conv2D",
		"FusedBatchNormV3", "Identity", "LeakyRelu", "MaxPoolV2", "NoOp", "Placeholder", "ResizeBilinear", "RestoreV2",
		"SaveV2", "Shape", "Slice", "Softmax", "VariableV2", "ZerosLike");

	@Test
	public void theWeightsNeedNoNewerRuntimeThanTheDocsSay() throws IOException {
		Path pack = PackageImport.unzip(TinyModel.sharedPackage(), TMP.newFolder("p").toPath());
		Path weights = PackageImport.unzip(pack.resolve(PackageExport.WEIGHTS), TMP.newFolder("w").toPath());
		SavedModel model = SavedModel.parseFrom(Files.readAllBytes(weights.resolve("saved_model.pb")));
		assertEquals(1, model.getMetaGraphsCount());
		MetaGraphDef meta = model.getMetaGraphs(0);
		assertTrue(meta.getMetaInfoDef().getTagsList().contains("serve"));
		assertTrue(meta.getSignatureDefMap().containsKey("serving_default"));
		GraphDef graph = meta.getGraphDef();
		assertEquals(0, graph.getVersions().getMinConsumer());
		assertEquals(0, graph.getVersions().getBadConsumersCount());
		assertTrue("producer " + graph.getVersions().getProducer(), graph.getVersions().getProducer() >= 1994);
		assertEquals("no functions (TF2 function graphs need a matching runtime)", 0, graph.getLibrary()
			.getFunctionCount());
		Set<String> ops = new TreeSet<>();
		for (NodeDef n : graph.getNodeList())
			ops.add(n.getOp());
		assertTrue("ops outside the checked set: " + ops, OPS.containsAll(ops));
		// FusedBatchNormV3's exponential_avg_factor (added in TF 2.2, ignored in inference) is left out, and every
		// attribute that holds its default: TF 1.15 runs the graph (OlderRuntimeTest)
		assertTrue(meta.getMetaInfoDef().getStrippedDefaultAttrs());
		assertTrue(graph.getNodeList().stream().filter(n -> n.getOp().equals("FusedBatchNormV3")).noneMatch(n -> n
			.getAttrMap().containsKey("exponential_avg_factor")));
	}
}
