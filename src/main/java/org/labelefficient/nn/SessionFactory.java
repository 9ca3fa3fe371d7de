package org.labelefficient.nn;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * Creates TensorFlow sessions with fixed thread counts: results are bit-identical across runs only when the thread
 * counts are the same. The intra-op count defaults to the number of available cores and can be set with the system
 * property {@code labelefficient.threads}.
 */
public final class SessionFactory {

	private SessionFactory() {}

	/** The intra-op thread count in use. */
	public static int threads() {
		String p = System.getProperty("labelefficient.threads");
		if (p != null && !p.isBlank()) return Math.max(1, Integer.parseInt(p.trim()));
		return Runtime.getRuntime().availableProcessors();
	}

	/** The session configuration: intra-op threads as {@link #threads()}, one inter-op thread. */
	public static ConfigProto config() {
		return ConfigProto.newBuilder().setIntraOpParallelismThreads(threads()).setInterOpParallelismThreads(1)
			.build();
	}

	/** A new session on {@code graph} with {@link #config()}. */
	public static Session open(Graph graph) {
		return new Session(graph, config());
	}
}
