import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.infer.SavedModelNetwork;
import org.labelefficient.infer.SlidingWindowSegmenter;
import org.labelefficient.infer.VolumeSegmenter;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Sampling;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.method.MethodContext;
import org.labelefficient.method.MethodGraph;
import org.labelefficient.setting.SettingValues;
import org.labelefficient.method.Methods;
import org.labelefficient.method.TrainingInputs;
import org.labelefficient.method.TrainingMethod;
import org.labelefficient.model.NetworkExporter;
import org.labelefficient.nn.Adam;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.SessionFactory;
import org.labelefficient.nn.Tensors;
import org.labelefficient.nn.UNet;
import org.labelefficient.nn.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Timings of the product's training and prediction paths for bench/performance.sh; every mode prints one line
 * {@code RESULT key=value ...} (times in seconds). Run from the repository root after {@code mvn package}:
 *
 * <pre>
 * java -cp "target/classes:target/lib/*" bench/Performance.java train METHOD SIZE BATCH STEPS WARMUP [key=value...]
 * java -cp "target/classes:target/lib/*" bench/Performance.java predict SIZE N WARMUP
 * java -cp "target/classes:target/lib/*" bench/Performance.java volume FILE.h5 TILE RAW_OUT
 * java -cp "target/classes:target/lib/*" bench/Performance.java matmul N REPEATS
 * java -cp "target/classes:target/lib/*" bench/Performance.java flops SIZE BATCH
 * java -cp "target/classes:target/lib/*" bench/Performance.java train3d SIZE BATCH BASE CLASSES STEPS WARMUP
 * java -cp "target/classes:target/lib/*" bench/Performance.java volume3d FILE.h5|DxHxW WINDOW BASE CLASSES RAW_OUT
 * </pre>
 *
 * {@code train} builds the graph of a registered method exactly as the training loop does (TrainingGraph: the
 * method's graph with Adam, weight decay 1e-5, plus the validation forward pass), initialises it as the loop does, and
 * times the loop's step (tensor creation from Java arrays, one session run fetching the loss and its terms, reading
 * the scalars), with the batch composition of the method's BatchPlan (dense labels; scribbles: 5% of the pixels
 * labelled; semi-supervised: the unlabelled half all -1). Data loading and augmentation are not included. The
 * step is that of the phase running at training progress 0.75, or at {@code progress=P} given among the settings (for
 * ACTION's defaults 0.1 is stage i, 0.4 stage ii, 0.75 stage iii). The U-Net
 * is UNetConfig.standard(4 classes, base 16) with the method's deep supervision and decoders. {@code predict} times
 * one slice through the exported SavedModel (the {@code predict} command's network); {@code volume} the whole
 * prediction of an HDF5 volume (z-score, tiles, softmax averaging, argmax) and writes the normalised volume for the
 * PyTorch script. {@code train3d} and {@code volume3d} do the same for the 3D U-Net ({@code supervised} on SIZE^3
 * patches; isotropic voxels, so every axis pooled at every level as UNetConfig.poolingFor plans it for LA; a whole
 * volume by SlidingWindowSegmenter, windows of WINDOW^3 overlapping by 0.25, as the {@code predict} command runs a 3D
 * model; DxHxW instead of a file: a synthetic volume of that size). Thread counts: SessionFactory
 * ({@code -Dlabelefficient.threads}).
 */
public class Performance {

	private static final int CLASSES = 4;
	private static final int BASE = 16;
	/** Whether TensorFlow runs its oneDNN kernels (the default; bin/label-efficient predict turns them off). */
	private static final String ONEDNN = "0".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS")) ? "0" : "1";

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "train" -> train(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(
				args[4]), Integer.parseInt(args[5]), settings(Arrays.copyOfRange(args, 6, args.length)));
			case "predict" -> predict(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "volume" -> volume(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
			case "matmul" -> matmul(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "flops" -> flops(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "train3d" -> train3d(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
				Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
			case "volume3d" -> volume3d(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(
				args[4]), Path.of(args[5]));
			default -> throw new IllegalArgumentException("unknown mode " + args[0]);
		}
	}

	/** Method settings given as {@code key=value} after the train mode's numbers. */
	private static Map<String, String> settings(String[] pairs) {
		Map<String, String> m = new java.util.LinkedHashMap<>();
		for (String p : pairs)
			m.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
		return m;
	}

	static void train(String id, int size, int batch, int steps, int warmup, Map<String, String> settings) {
		long t0 = System.nanoTime();
		// progress=P (not a method setting) times the phase that runs at training progress P, e.g. ACTION's stage i
		double progress = Double.parseDouble(settings.getOrDefault("progress", "0.75"));
		settings.remove("progress");
		TrainingMethod m = Methods.get(id);
		UNetConfig network = UNetConfig.standard(CLASSES, BASE, m.deepSupervision()).withDecoders(m.decoders());
		try (Graph g = new Graph()) {
			Ops tf = Ops.create(g);
			TrainingInputs inputs = new TrainingInputs(tf, size);
			MethodContext context = new MethodContext(g, tf, inputs, network, (ops, prefix) -> new Adam(ops, prefix,
				1e-5f), new SettingValues(m.settings(), settings), m.batchPlan(batch));
			MethodGraph mg = m.build(context);
			// as TrainingGraph: the validation pass is part of the graph (not run by the step)
			var validation = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			tf.nn.softmax(mg.predictor().forward(tf, validation, false, null).logits());
			try (Session s = SessionFactory.open(g)) {
				for (int i = 0; i < mg.variables().size(); i++)
					mg.variables().get(i).initialize(s, 1000 + i);
				double build = (System.nanoTime() - t0) / 1e9;
				BatchPlan plan = m.batchPlan(batch);
				float[] images = new float[batch * size * size];
				int[] labels = new int[images.length];
				fill(images, labels, size, plan);
				double[] times = new double[steps];
				double first = steps(s, inputs, mg, images, labels, new long[] { batch, size, size }, warmup, times,
					progress);
				System.out.printf("RESULT mode=train impl=java onednn=%s method=%s size=%d batch=%d steps=%d %s "
					+ "rss_mb=%.0f build_s=%.2f first_step_s=%.2f params=%d threads=%d progress=%s%n", ONEDNN, id, size,
					batch, steps, stats(times), peakRssMb(), build, first, mg.predictor().weights().trainableCount(),
					SessionFactory.threads(), progress);
			}
		}
	}

	/**
	 * Runs {@code warmup + times.length} training steps as Trainer.step runs them (tensors created from the arrays,
	 * labels of {@code labelShape} and images of that shape plus a channel, one session run fetching the loss and its
	 * terms, the scalars read) of the phase that runs at training progress {@code progress}, the seconds of the steps
	 * after the warm-up into {@code times}; returns the first step's seconds.
	 */
	private static double steps(Session s, TrainingInputs inputs, MethodGraph mg, float[] images, int[] labels,
		long[] labelShape, int warmup, double[] times, double progress) {
		long[] imageShape = Arrays.copyOf(labelShape, labelShape.length + 1);
		imageShape[labelShape.length] = 1;
		MethodGraph.Phase phase = mg.phaseAt(progress);
		Map<String, Operand<TFloat32>> terms = phase.terms();
		double first = 0;
		for (int it = 0; it < warmup + times.length; it++) {
			long a = System.nanoTime();
			try (Tensor x = Tensors.floats(images, imageShape); Tensor y = Tensors.ints(labels, labelShape);
				Tensor lr = Tensors.scalar((float) (1e-3 * Math.pow(1 - it / 1e4, 0.9))); Tensor step = Tensors
					.scalar(it + 1); Tensor p = Tensors.scalar((float) progress); Tensor seed = Tensors.longs(1, it)) {
				Session.Runner r = s.runner().feed(inputs.images, x).feed(inputs.labels, y).feed(inputs.learningRate,
					lr).feed(inputs.step, step).feed(inputs.progress, p).feed(inputs.seed, seed).addTarget(phase
						.step()).fetch(phase.loss());
				terms.values().forEach(r::fetch);
				try (Result res = r.run()) {
					for (int i = 0; i < res.size(); i++)
						Tensors.readScalar(res.get(i));
				}
			}
			double sec = (System.nanoTime() - a) / 1e9;
			if (it == 0) first = sec;
			if (it >= warmup) times[it - warmup] = sec;
		}
		return first;
	}

	/** The 3D U-Net of {@code base} channels for {@code classes} classes on isotropic voxels (LA's). */
	private static UNetConfig network3d(int base, int classes) {
		UNetConfig flat = UNetConfig.standard(classes, base, false);
		return flat.volumetric(UNetConfig.poolingFor(flat.levels(), new double[] { 1, 1, 1 }));
	}

	/**
	 * The {@code supervised} method's 3D training step (TrainingGraph's graph for {@code dimensions=3}: the method's
	 * graph with Adam, weight decay 1e-5, and the 3D validation forward pass) on {@code size^3} patches: images of
	 * noise around a sphere, dense labels (1 inside the sphere when there are 2 classes, nested shells otherwise).
	 */
	static void train3d(int size, int batch, int base, int classes, int steps, int warmup) {
		long t0 = System.nanoTime();
		TrainingMethod m = Methods.get("supervised");
		UNetConfig network = network3d(base, classes);
		try (Graph g = new Graph()) {
			Ops tf = Ops.create(g);
			TrainingInputs inputs = new TrainingInputs(tf, new int[] { size, size, size });
			MethodContext context = new MethodContext(g, tf, inputs, network, (ops, prefix) -> new Adam(ops, prefix,
				1e-5f), new SettingValues(m.settings(), Map.of()), m.batchPlan(batch));
			MethodGraph mg = m.build(context);
			var validation = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
			tf.nn.softmax(mg.predictor().forward(tf, validation, false, null).logits());
			try (Session s = SessionFactory.open(g)) {
				for (int i = 0; i < mg.variables().size(); i++)
					mg.variables().get(i).initialize(s, 1000 + i);
				double build = (System.nanoTime() - t0) / 1e9;
				int n = size * size * size;
				float[] images = new float[batch * n];
				int[] labels = new int[images.length];
				Random r = new Random(1);
				for (int b = 0; b < batch; b++) {
					double cz = size * (0.35 + 0.3 * r.nextDouble()), cy = size * (0.35 + 0.3 * r.nextDouble()), cx =
						size * (0.35 + 0.3 * r.nextDouble());
					for (int i = 0; i < n; i++) {
						int z = i / (size * size), y = i / size % size, x = i % size;
						double d = Math.sqrt((z - cz) * (z - cz) + (y - cy) * (y - cy) + (x - cx) * (x - cx)) / size;
						int c = Math.max(0, Math.min(classes - 1, (int) ((0.3 - d) / 0.3 * classes)));
						images[b * n + i] = (float) (c * 0.5 + 0.3 * r.nextGaussian());
						labels[b * n + i] = c;
					}
				}
				double[] times = new double[steps];
				double first = steps(s, inputs, mg, images, labels, new long[] { batch, size, size, size }, warmup,
					times, 0);
				System.out.printf("RESULT mode=train3d impl=java onednn=%s method=supervised size=%d batch=%d base=%d "
					+ "classes=%d steps=%d %s rss_mb=%.0f build_s=%.2f first_step_s=%.2f params=%d threads=%d%n", ONEDNN,
					size, batch, base, classes, steps, stats(times), peakRssMb(), build, first, mg.predictor().weights()
						.trainableCount(), SessionFactory.threads());
			}
		}
	}

	/**
	 * A whole volume through an exported 3D SavedModel as the {@code predict} command segments it with a 3D model
	 * (z-score, SlidingWindowSegmenter: windows of {@code window^3}, overlap 0.25, Gaussian weights, argmax); writes the
	 * normalised volume for the PyTorch script. {@code source}: an HDF5 file (dataset {@code image}) or {@code DxHxW}
	 * for a synthetic volume of that size (smooth blobs with noise).
	 */
	static void volume3d(String source, int window, int base, int classes, Path rawOut) throws IOException {
		Volume raw;
		if (source.matches("\\d+x\\d+x\\d+")) {
			String[] dhw = source.split("x");
			int d = Integer.parseInt(dhw[0]), h = Integer.parseInt(dhw[1]), w = Integer.parseInt(dhw[2]);
			float[] data = new float[d * h * w];
			Random r = new Random(1);
			for (int i = 0; i < data.length; i++)
				data[i] = (float) (100 + 50 * Math.sin(i % w / 9.0) * Math.cos(i / w % h / 7.0) + 10 * r.nextGaussian());
			raw = new Volume(data, w, h, d);
		}
		else raw = VolumeIO.readHdf5(Path.of(source), VolumeIO.HDF5_IMAGE);
		Volume v = Normalization.ZSCORE.apply(raw, source);
		writeRaw(v, rawOut);
		UNetConfig config = network3d(base, classes);
		try (SavedModelNetwork net = exportedNetwork(config)) {
			SlidingWindowSegmenter segmenter = new SlidingWindowSegmenter(net.windows(config.divisors()), new int[] {
				window, window, window }, 0.25);
			double[] times = secondsOfRuns(() -> segmenter.segment(v, false));
			System.out.printf("RESULT mode=volume3d impl=java onednn=%s depth=%d height=%d width=%d window=%d %s "
				+ "rss_mb=%.0f threads=%d%n", ONEDNN, v.depth(), v.height(), v.width(), window, stats(times),
				peakRssMb(), SessionFactory.threads());
		}
	}

	/** Images: smooth blobs with noise; labels: classes of nested discs (dense), thinned to 5% (scribbles). */
	private static void fill(float[] images, int[] labels, int size, BatchPlan plan) {
		Random r = new Random(1);
		int n = size * size;
		for (int b = 0; b < plan.size(); b++) {
			double cx = size * (0.35 + 0.3 * r.nextDouble()), cy = size * (0.35 + 0.3 * r.nextDouble());
			for (int y = 0; y < size; y++)
				for (int x = 0; x < size; x++) {
					double d = Math.hypot(x - cx, y - cy) / size;
					int c = d < 0.1 ? 3 : d < 0.15 ? 2 : d < 0.22 ? 1 : 0;
					int i = b * n + y * size + x;
					images[i] = (float) (c * 0.5 + 0.3 * r.nextGaussian());
					boolean labelled = b < plan.labelled() && (plan.kind() == BatchPlan.LabelKind.DENSE || r
						.nextDouble() < 0.05);
					labels[i] = labelled ? c : -1;
				}
		}
	}

	/** A SavedModel exported by the product (random He weights) and loaded as the predict command loads it. */
	private static SavedModelNetwork exportedNetwork() throws IOException {
		return exportedNetwork(UNetConfig.standard(CLASSES, BASE, false));
	}

	private static SavedModelNetwork exportedNetwork(UNetConfig config) throws IOException {
		Map<String, float[]> weights;
		try (Graph g = new Graph(); Session s = SessionFactory.open(g)) {
			UNet net = new UNet(config, new ParameterSet(Ops.create(g), "net"));
			net.weights().initialize(s, 1);
			weights = net.weights().read(s);
		}
		Path dir = Files.createTempDirectory("perf-model");
		NetworkExporter.export(config, weights, dir.resolve("saved"));
		return new SavedModelNetwork(dir.resolve("saved"), config.numClasses(), config.sizeDivisor());
	}

	static void predict(int size, int n, int warmup) throws IOException {
		try (SavedModelNetwork net = exportedNetwork()) {
			float[] slice = new float[size * size];
			Random r = new Random(1);
			for (int i = 0; i < slice.length; i++)
				slice[i] = (float) r.nextGaussian();
			double[] times = new double[n];
			for (int i = 0; i < warmup + n; i++) {
				long a = System.nanoTime();
				net.predict(slice, 1, size, size);
				if (i >= warmup) times[i - warmup] = (System.nanoTime() - a) / 1e9;
			}
			System.out.printf("RESULT mode=predict impl=java onednn=%s size=%d n=%d %s slices_per_s=%.3f rss_mb=%.0f "
				+ "threads=%d%n", ONEDNN, size, n, stats(times), 1 / median(times), peakRssMb(),
				SessionFactory.threads());
		}
	}

	static void volume(Path file, int tile, Path rawOut) throws IOException {
		Volume v = Normalization.ZSCORE.apply(VolumeIO.readHdf5(file, VolumeIO.HDF5_IMAGE), file.toString());
		writeRaw(v, rawOut);
		try (SavedModelNetwork net = exportedNetwork()) {
			VolumeSegmenter segmenter = new VolumeSegmenter(net, Sampling.CROP, tile, 0.25);
			double[] times = secondsOfRuns(() -> segmenter.segment(v, false));
			System.out.printf("RESULT mode=volume impl=java onednn=%s slices=%d width=%d height=%d %s "
				+ "slices_per_s=%.3f rss_mb=%.0f threads=%d%n", ONEDNN, v.depth(), v.width(), v.height(), stats(times),
				v.depth() / median(times), peakRssMb(), SessionFactory.threads());
		}
	}

	/** The volume as width, height, depth (big-endian ints) and its voxels (big-endian floats), for the PyTorch side. */
	private static void writeRaw(Volume v, Path rawOut) throws IOException {
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rawOut)))) {
			out.writeInt(v.width());
			out.writeInt(v.height());
			out.writeInt(v.depth());
			for (float f : v.data())
				out.writeFloat(f);
		}
	}

	static void matmul(int n, int repeats) {
		try (Graph g = new Graph(); Session s = SessionFactory.open(g)) {
			Ops tf = Ops.create(g);
			var a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
			var b = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
			var sum = tf.sum(tf.linalg.matMul(a, b), tf.constant(new int[] { 0, 1 }));
			float[] values = new float[n * n];
			Random r = new Random(1);
			for (int i = 0; i < values.length; i++)
				values[i] = r.nextFloat();
			double[] times = new double[repeats];
			try (Tensor ta = Tensors.floats(values, n, n); Tensor tb = Tensors.floats(values, n, n)) {
				for (int i = -1; i < repeats; i++) {
					long t = System.nanoTime();
					s.runner().feed(a, ta).feed(b, tb).fetch(sum).run().close();
					if (i >= 0) times[i] = (System.nanoTime() - t) / 1e9;
				}
			}
			double flop = 2.0 * n * n * n;
			System.out.printf("RESULT mode=matmul impl=tensorflow-java n=%d gflops=%.2f gflops_median=%.2f threads=%d%n",
				n, flop / Arrays.stream(times).min().orElseThrow() / 1e9, flop / median(times) / 1e9,
				SessionFactory.threads());
		}
	}

	/**
	 * Multiply-accumulates of the convolutions of one forward pass of the standard U-Net (one decoder, no
	 * deep-supervision heads), counted from UNetConfig's channels: per level two 3x3 convolutions in the encoder; per
	 * decoder level a 1x1 reduction at the coarser resolution and two 3x3 convolutions (the first on the
	 * concatenation); the 1x1 head.
	 */
	static void flops(int size, int batch) {
		UNetConfig c = UNetConfig.standard(CLASSES, BASE, false);
		int[] ch = c.channels();
		long macs = 0;
		for (int l = 0; l < ch.length; l++) {
			long pixels = (long) batch * (size >> l) * (size >> l);
			macs += pixels * 9 * (l == 0 ? c.inChannels() : ch[l - 1]) * ch[l] + pixels * 9 * ch[l] * ch[l];
			if (l < ch.length - 1) macs += (long) batch * (size >> (l + 1)) * (size >> (l + 1)) * ch[l + 1] * ch[l]
				+ pixels * 9 * 2 * ch[l] * ch[l] + pixels * 9 * ch[l] * ch[l];
		}
		macs += (long) batch * size * size * ch[0] * CLASSES;
		System.out.printf("RESULT mode=flops impl=java size=%d batch=%d forward_macs=%d forward_gflop=%.3f%n", size,
			batch, macs, 2e-9 * macs);
	}

	/** Seconds of three runs of {@code run} after one warm-up run. */
	private static double[] secondsOfRuns(Runnable run) {
		run.run();
		double[] times = new double[3];
		for (int i = 0; i < times.length; i++) {
			long a = System.nanoTime();
			run.run();
			times[i] = (System.nanoTime() - a) / 1e9;
		}
		return times;
	}

	private static double median(double[] t) {
		double[] s = t.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/** Median and quartiles (inclusive, as statistics.quantiles(method="inclusive") in torch_unet.py). */
	private static String stats(double[] t) {
		double[] s = t.clone();
		Arrays.sort(s);
		return String.format("median=%.4f q1=%.4f q3=%.4f", median(s), quantile(s, 0.25), quantile(s, 0.75));
	}

	private static double quantile(double[] sorted, double q) {
		double pos = q * (sorted.length - 1);
		int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
		return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
	}

	/** Peak resident set size of this process (VmHWM), in MB. */
	static double peakRssMb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status")))
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
		}
		catch (IOException e) {
			// not Linux
		}
		return Double.NaN;
	}
}
