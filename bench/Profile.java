import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.method.MethodContext;
import org.labelefficient.method.MethodGraph;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.method.Methods;
import org.labelefficient.method.TrainingInputs;
import org.labelefficient.method.TrainingMethod;
import org.labelefficient.nn.Adam;
import org.labelefficient.nn.SessionFactory;
import org.labelefficient.nn.Tensors;
import org.labelefficient.nn.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.op.Ops;

/**
 * Where a training step's time goes: java -cp "target/classes:target/lib/*" bench/Profile.java METHOD SIZE BATCH
 * STEPS. Builds the method's graph as bench/Performance.java does, times the Java side of the step (tensor creation
 * from arrays, the session run, reading the scalars) over STEPS steps, then runs STEPS steps with FULL_TRACE and sums
 * the executed ops' durations by op type (op time summed over the threads; it can exceed the wall time).
 */
public class Profile {

	public static void main(String[] args) {
		String id = args[0];
		int size = Integer.parseInt(args[1]), batch = Integer.parseInt(args[2]), steps = Integer.parseInt(args[3]);
		TrainingMethod m = Methods.get(id);
		UNetConfig network = UNetConfig.standard(4, 16, m.deepSupervision()).withDecoders(m.decoders());
		try (Graph g = new Graph()) {
			Ops tf = Ops.create(g);
			TrainingInputs in = new TrainingInputs(tf, size);
			MethodGraph mg = m.build(new MethodContext(g, tf, in, network, (ops, prefix) -> new Adam(ops, prefix, 1e-5f),
				new SettingValues(m.settings(), Map.of()), m.batchPlan(batch)));
			// -Dinter=N: N inter-op threads instead of SessionFactory's 1 (intra-op: -Dlabelefficient.threads)
			int inter = Integer.getInteger("inter", 1);
			try (Session s = new Session(g, SessionFactory.config().toBuilder().setInterOpParallelismThreads(inter)
				.build())) {
				for (int i = 0; i < mg.variables().size(); i++)
					mg.variables().get(i).initialize(s, 1000 + i);
				BatchPlan plan = m.batchPlan(batch);
				float[] images = new float[batch * size * size];
				int[] labels = new int[images.length];
				Random r = new Random(1);
				for (int i = 0; i < images.length; i++) {
					images[i] = (float) r.nextGaussian();
					labels[i] = i / (size * size) < plan.labelled() ? r.nextInt(4) : -1;
				}
				double create = 0, run = 0, read = 0;
				Map<String, Long> byType = new HashMap<>();
				Map<String, Integer> countByType = new HashMap<>();
				long traced = 0;
				for (int it = 0; it < 2 + 2 * steps; it++) {
					boolean trace = it >= 2 + steps;
					long a = System.nanoTime();
					List<Tensor> feeds = new ArrayList<>(List.of(Tensors.floats(images, batch, size, size, 1), Tensors.ints(
						labels, batch, size, size), Tensors.scalar(1e-3f), Tensors.scalar(it + 1), Tensors.scalar(0.75f),
						Tensors.longs(1, it)));
					long b = System.nanoTime();
					Session.Runner runner = s.runner().feed(in.images, feeds.get(0)).feed(in.labels, feeds.get(1)).feed(
						in.learningRate, feeds.get(2)).feed(in.step, feeds.get(3)).feed(in.progress, feeds.get(4)).feed(
							in.seed, feeds.get(5)).addTarget(mg.phaseAt(0.75).step()).fetch(mg.phaseAt(0.75).loss());
					mg.phaseAt(0.75).terms().values().forEach(runner::fetch);
					if (trace) runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
						.build());
					try (Result res = trace ? runner.runAndFetchMetadata() : runner.run()) {
						long c = System.nanoTime();
						for (int i = 0; i < res.size(); i++)
							Tensors.readScalar(res.get(i));
						long d = System.nanoTime();
						if (it >= 2 && !trace) {
							create += (b - a) / 1e9;
							run += (c - b) / 1e9;
							read += (d - c) / 1e9;
						}
						if (trace) {
							traced += c - b;
							for (DeviceStepStats dev : res.getMetadata().orElseThrow().getStepStats().getDevStatsList())
								for (NodeExecStats n : dev.getNodeStatsList()) {
									GraphOperation op = g.operation(n.getNodeName());
									String type = op == null ? n.getNodeName() : op.type();
									byType.merge(type, n.getAllEndRelMicros(), Long::sum);
									countByType.merge(type, 1, Integer::sum);
								}
						}
					}
					feeds.forEach(Tensor::close);
				}
				System.out.printf("%s %dx%d batch %d, %d intra-op threads, %d inter-op: per step %.4f s creating "
					+ "tensors, %.4f s session run, %.5f s reading; traced steps %.3f s%n", id, size, size, batch,
					SessionFactory.threads(), inter, create / steps, run / steps, read / steps, traced / 1e9 / steps);
				long total = byType.values().stream().mapToLong(Long::longValue).sum();
				System.out.printf("op time summed over threads: %.3f s per step, %d op executions per step%n", total / 1e6
					/ steps, countByType.values().stream().mapToInt(Integer::intValue).sum() / steps);
				int top = Integer.getInteger("top", 20); // -Dtop=N: the N costliest op types
				byType.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(top).forEach(
					e -> System.out.printf("  %-28s %6.1f%% %8.3f s/step %6d ops/step%n", e.getKey(), 100.0 * e.getValue()
						/ total, e.getValue() / 1e6 / steps, countByType.get(e.getKey()) / steps));
			}
		}
	}
}
