import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.labelefficient.nn.Adam;
import org.labelefficient.nn.Losses;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.SessionFactory;
import org.labelefficient.nn.Tensors;
import org.labelefficient.nn.UNet;
import org.labelefficient.nn.UNetConfig;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Seconds per supervised training step of the standard U-Net: java bench/StepTime.java SIZE BATCH BASE STEPS */
public class StepTime {
	public static void main(String[] args) {
		int size = Integer.parseInt(args[0]), batch = Integer.parseInt(args[1]), base = Integer.parseInt(args[2]),
			steps = Integer.parseInt(args[3]);
		try (Graph g = new Graph(); Session s = SessionFactory.open(g)) {
			Ops tf = Ops.create(g);
			UNet net = new UNet(UNetConfig.standard(4, base, false), new ParameterSet(tf, "s"));
			var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 1)));
			var y = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, size, size)));
			var seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
			UNet.Forward f = net.forward(tf, x, true, seed);
			var loss = tf.math.add(Losses.crossEntropy(tf, f.logits(), y, 4), Losses.diceLoss(tf, f.logits(), y, 4));
			Adam adam = new Adam(tf, "adam", 1e-5f);
			Op train = adam.minimize(tf, g, loss, net.weights().trainableVariables(), tf.constant(1e-3f), tf.constant(1f));
			List<Op> all = new ArrayList<>(f.statisticUpdates());
			all.add(train);
			Op step = tf.withControlDependencies(all).noOp();
			net.weights().initialize(s, 1);
			adam.state().initialize(s, 1);
			float[] img = new float[batch * size * size];
			int[] lab = new int[img.length];
			Random r = new Random(1);
			for (int i = 0; i < img.length; i++) { img[i] = r.nextFloat(); lab[i] = r.nextInt(4); }
			long t0 = 0;
			for (int i = 0; i < steps + 3; i++) {
				if (i == 3) t0 = System.nanoTime();
				try (Tensor a = Tensors.floats(img, batch, size, size, 1); Tensor b = Tensors.ints(lab, batch, size, size);
					Tensor c = Tensors.longs(1, i); Result res = s.runner().feed(x, a).feed(y, b).feed(seed, c).addTarget(step).fetch(loss).run()) {}
			}
			double sec = (System.nanoTime() - t0) / 1e9 / steps;
			System.out.printf("size %d batch %d base %d params %d: %.3f s/step, threads %d%n", size, batch, base,
				net.weights().trainableCount(), sec, SessionFactory.threads());
		}
	}
}
