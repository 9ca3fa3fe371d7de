package org.labelefficient.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The U-Net (PyMIC UNet2D layout, NHWC): conv blocks of Conv3x3-BN-LeakyReLU-Dropout-Conv3x3-BN-LeakyReLU; max pooling
 * down; up blocks of Conv1x1, bilinear x2 (align corners), concatenation with the skip, conv block; a 1x1 output head;
 * optional 1x1 deep-supervision heads on the decoder outputs at 1/2, 1/4 and 1/8. With {@code dimensions=3} the same
 * design on NDHWC volumes: 3x3x3 and 1x1x1 convolutions, 3D max pooling and nearest-neighbour up-sampling by each
 * level's pooling factors (which may leave z unpooled for thick slices). One {@code UNet} owns one set of weights and
 * can build any number of forward passes over them (training mode with batch statistics and dropout, or inference mode
 * with the moving statistics).
 */
public final class UNet {

	private static final float LEAKY_SLOPE = 0.01f;
	private static final float BN_EPSILON = 1e-5f;
	private static final float BN_AVERAGE_FACTOR = 0.1f;

	/**
	 * The outputs of one forward pass: {@code logits} (the mean of the branches' logits when there are several
	 * decoders), the deep-supervision logits and the decoder features of the first decoder, and every decoder's
	 * logits in {@code branchLogits}.
	 */
	public record Forward(Operand<TFloat32> logits, List<Operand<TFloat32>> deepLogits,
		List<Operand<TFloat32>> decoderFeatures, Operand<TFloat32> bottleneck, List<Op> statisticUpdates,
		List<Operand<TFloat32>> branchLogits) {}

	/** The outputs of an encoder-only pass: the bottleneck and the encoder's batch-norm statistic updates. */
	public record Encoding(Operand<TFloat32> bottleneck, List<Op> statisticUpdates) {}

	private final UNetConfig config;
	private final ParameterSet weights;

	/** Creates the weights of a U-Net in {@code weights}' graph. */
	public UNet(UNetConfig config, ParameterSet weights) {
		this.config = config;
		this.weights = weights;
		if (config.dimensions() == 3) VolumeGradients.register();
		createWeights();
	}

	public UNetConfig config() {
		return config;
	}

	public ParameterSet weights() {
		return weights;
	}

	private void createWeights() {
		int[] ch = config.channels();
		convBlockWeights("enc0", config.inChannels(), ch[0]);
		for (int l = 1; l < ch.length; l++)
			convBlockWeights("enc" + l, ch[l - 1], ch[l]);
		for (int d = 0; d < config.decoders(); d++)
			decoderWeights(branch(d), ch);
	}

	/** Prefix of the weights of decoder {@code d}: none for the first (so single-decoder models keep their names). */
	private static String branch(int d) {
		return d == 0 ? "" : "b" + (d + 1) + "_";
	}

	private void decoderWeights(String b, int[] ch) {
		for (int l = ch.length - 2; l >= 0; l--) {
			convWeights(b + "up" + l + "_reduce", 1, ch[l + 1], ch[l], true);
			convBlockWeights(b + "dec" + l, 2 * ch[l], ch[l]);
		}
		convWeights(b + "head0", 1, ch[0], config.numClasses(), true);
		if (config.deepSupervision() && b.isEmpty()) for (int l = 1; l <= Math.min(3, ch.length - 2); l++)
			convWeights(b + "head" + l, 1, ch[l], config.numClasses(), true);
	}

	private void convBlockWeights(String name, int in, int out) {
		convWeights(name + "_c1", 3, in, out, false);
		batchNormWeights(name + "_bn1", out);
		convWeights(name + "_c2", 3, out, out, false);
		batchNormWeights(name + "_bn2", out);
	}

	private void convWeights(String name, int k, int in, int out, boolean bias) {
		if (config.dimensions() == 3) weights.trainable(name + "_w", Init.HE_NORMAL, (long) k * k * k * in, k, k, k, in,
			out);
		else weights.trainable(name + "_w", Init.HE_NORMAL, (long) k * k * in, k, k, in, out);
		if (bias) weights.trainable(name + "_b", Init.ZEROS, 1, out);
	}

	private void batchNormWeights(String name, int channels) {
		weights.trainable(name + "_gamma", Init.ONES, 1, channels);
		weights.trainable(name + "_beta", Init.ZEROS, 1, channels);
		weights.state(name + "_mean", Init.ZEROS, channels);
		weights.state(name + "_var", Init.ONES, channels);
	}

	/**
	 * Builds a forward pass. In training mode batch norm uses batch statistics (the moving-average updates are
	 * returned, to be run with the training step) and dropout draws its masks from {@code dropoutSeed} (a stateless
	 * int64[2] seed, so that a run is reproducible and resumable); a null {@code dropoutSeed} turns dropout off (a
	 * teacher normalising with its batch's statistics, without noise; and every inference-mode pass).
	 */
	public Forward forward(Ops tf, Operand<TFloat32> input, boolean training, Operand<TInt64> dropoutSeed) {
		Pass pass = new Pass(tf, training, dropoutSeed);
		Forward f = outputs(pass, input);
		return new Forward(f.logits(), f.deepLogits(), f.decoderFeatures(), f.bottleneck(), pass.assignStatistics(), f
			.branchLogits());
	}

	/** The outputs of a pass, without statistic updates. */
	private Forward outputs(Pass pass, Operand<TFloat32> input) {
		Ops tf = pass.tf;
		int levels = config.levels();
		List<Operand<TFloat32>> skips = encode(pass, input);
		Operand<TFloat32> bottleneck = skips.get(levels - 1);
		List<Operand<TFloat32>> branches = new ArrayList<>(), deep = new ArrayList<>(), features = new ArrayList<>();
		for (int d = 0; d < config.decoders(); d++) {
			List<Operand<TFloat32>> decoder = decode(pass, branch(d), bottleneck, skips);
			branches.add(pass.conv(branch(d) + "head0", decoder.get(decoder.size() - 1), true));
			if (d > 0) continue;
			features = decoder;
			if (config.deepSupervision()) for (int l = 1; l <= Math.min(3, levels - 2); l++)
				deep.add(pass.conv("head" + l, decoder.get(levels - 1 - l), true));
		}
		Operand<TFloat32> logits = branches.get(0);
		for (int d = 1; d < branches.size(); d++)
			logits = tf.math.add(logits, branches.get(d));
		if (branches.size() > 1) logits = tf.math.div(logits, tf.constant((float) branches.size()));
		return new Forward(logits, deep, features, bottleneck, List.of(), branches);
	}

	/**
	 * Builds a training-mode forward pass in which the first {@code first} samples and the others are batch-normalised
	 * separately (two passes over the same weights, outputs concatenated in the batch order); the moving statistics
	 * move towards the mean of the two groups' statistics. The dropout masks of the second group are drawn from a
	 * seed of their own.
	 */
	public Forward forwardInGroups(Ops tf, Operand<TFloat32> input, int first, Operand<TInt64> dropoutSeed) {
		Groups g = forwardGroups(tf, Batches.samples(tf, input, 0, first), Batches.samples(tf, input, first, -1),
			dropoutSeed);
		Forward fa = g.first(), fb = g.second();
		return new Forward(join(tf, fa.logits(), fb.logits()), join(tf, fa.deepLogits(), fb.deepLogits()), join(tf, fa
			.decoderFeatures(), fb.decoderFeatures()), join(tf, fa.bottleneck(), fb.bottleneck()), g.statisticUpdates(),
			join(tf, fa.branchLogits(), fb.branchLogits()));
	}

	/**
	 * The two passes of {@link #forwardInGroups} on batches given apart, not joined: a loss on one group then has a
	 * gradient through that group's pass alone. The statistic updates are those of the groups together.
	 */
	public Groups forwardGroups(Ops tf, Operand<TFloat32> first, Operand<TFloat32> second,
		Operand<TInt64> dropoutSeed) {
		Pass pa = new Pass(tf, true, dropoutSeed), pb = new Pass(tf, true, tf.math.add(dropoutSeed, tf.constant(
			new long[] { 0, 1_000_003 })));
		Forward fa = outputs(pa, first), fb = outputs(pb, second);
		List<Op> updates = new ArrayList<>();
		pa.statistics.forEach((name, value) -> updates.add(tf.assign(weights.variable(name), tf.math.mul(tf.constant(
			0.5f), tf.math.add(value, pb.statistics.get(name))))));
		return new Groups(fa, fb, updates);
	}

	/** The passes of two batch-norm groups and the moving-statistic updates of both. */
	public record Groups(Forward first, Forward second, List<Op> statisticUpdates) {}

	private static Operand<TFloat32> join(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
		return tf.concat(List.of(a, b), tf.constant(0));
	}

	private static List<Operand<TFloat32>> join(Ops tf, List<Operand<TFloat32>> a, List<Operand<TFloat32>> b) {
		List<Operand<TFloat32>> out = new ArrayList<>();
		for (int i = 0; i < a.size(); i++)
			out.add(join(tf, a.get(i), b.get(i)));
		return out;
	}

	/**
	 * Builds the encoder part of a forward pass only (as {@link #forward} does it, same dropout draws): the bottleneck
	 * and the batch-norm statistic updates of the encoder.
	 */
	public Encoding encode(Ops tf, Operand<TFloat32> input, boolean training, Operand<TInt64> dropoutSeed) {
		Pass pass = new Pass(tf, training, dropoutSeed);
		List<Operand<TFloat32>> levels = encode(pass, input);
		return new Encoding(levels.get(levels.size() - 1), pass.assignStatistics());
	}

	/** The outputs of the encoder levels, full resolution first, the bottleneck last. */
	private List<Operand<TFloat32>> encode(Pass pass, Operand<TFloat32> input) {
		List<Operand<TFloat32>> skips = new ArrayList<>();
		Operand<TFloat32> x = pass.convBlock("enc0", input, config.dropout()[0]);
		skips.add(x);
		for (int l = 1; l < config.levels(); l++) {
			x = pass.convBlock("enc" + l, pass.maxPool(x, l - 1), config.dropout()[l]);
			skips.add(x);
		}
		return skips;
	}

	/** One decoder: the bottleneck, then each up-sampled level; the last is at full resolution. */
	private List<Operand<TFloat32>> decode(Pass pass, String b, Operand<TFloat32> bottleneck,
		List<Operand<TFloat32>> skips) {
		Ops tf = pass.tf;
		List<Operand<TFloat32>> decoder = new ArrayList<>();
		decoder.add(bottleneck);
		Operand<TFloat32> x = bottleneck;
		for (int l = config.levels() - 2; l >= 0; l--) {
			Operand<TFloat32> up = pass.upsampleTo(pass.conv(b + "up" + l + "_reduce", x, true), skips.get(l), l);
			Operand<TInt32> channelAxis = tf.constant(config.dimensions() + 1);
			x = pass.convBlock(b + "dec" + l, tf.concat(List.of(skips.get(l), up), channelAxis), config.dropout()[l]);
			decoder.add(x);
		}
		return decoder;
	}

	/** State of one forward pass being built. */
	private final class Pass {

		private final Ops tf;
		private final boolean training;
		private final Operand<TInt64> seed;
		/** The moving statistics after this pass, by variable name (training mode). */
		private final Map<String, Operand<TFloat32>> statistics = new LinkedHashMap<>();
		private int dropoutCount;

		Pass(Ops tf, boolean training, Operand<TInt64> seed) {
			this.tf = tf;
			this.training = training;
			this.seed = seed;
		}

		List<Op> assignStatistics() {
			List<Op> out = new ArrayList<>();
			statistics.forEach((name, value) -> out.add(tf.assign(w(name), value)));
			return out;
		}

		Operand<TFloat32> convBlock(String name, Operand<TFloat32> x, double dropout) {
			Operand<TFloat32> y = activate(batchNorm(name + "_bn1", conv(name + "_c1", x, false)));
			y = dropout(y, dropout);
			return activate(batchNorm(name + "_bn2", conv(name + "_c2", y, false)));
		}

		Operand<TFloat32> conv(String name, Operand<TFloat32> x, boolean bias) {
			Operand<TFloat32> y = config.dimensions() == 3 ? tf.nn.conv3d(x, w(name + "_w"), List.of(1L, 1L, 1L, 1L,
				1L), "SAME") : tf.nn.conv2d(x, w(name + "_w"), List.of(1L, 1L, 1L, 1L), "SAME");
			return bias ? tf.nn.biasAdd(y, w(name + "_b")) : y;
		}

		Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x) {
			FusedBatchNorm.Options[] options = { FusedBatchNorm.isTraining(training), FusedBatchNorm.epsilon(
				BN_EPSILON), FusedBatchNorm.exponentialAvgFactor(BN_AVERAGE_FACTOR) };
			if (config.dimensions() == 3) options = new FusedBatchNorm.Options[] { options[0], options[1], options[2],
				FusedBatchNorm.dataFormat("NDHWC") };
			FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, w(name + "_gamma"), w(name + "_beta"),
				w(name + "_mean"), w(name + "_var"), options);
			if (training) {
				statistics.put(name + "_mean", bn.batchMean());
				statistics.put(name + "_var", bn.batchVariance());
			}
			return bn.y();
		}

		Operand<TFloat32> activate(Operand<TFloat32> x) {
			return tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha(LEAKY_SLOPE));
		}

		Operand<TFloat32> dropout(Operand<TFloat32> x, double rate) {
			if (!training || seed == null || rate <= 0) return x;
			Operand<TInt64> layerSeed = tf.math.add(seed, tf.constant(new long[] { 0, ++dropoutCount }));
			Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(x), layerSeed);
			float keep = (float) (1 - rate);
			Operand<TFloat32> mask = tf.math.floor(tf.math.add(u, tf.constant(keep)));
			return tf.math.mul(x, tf.math.mul(mask, tf.constant(1f / keep)));
		}

		/** Max pooling by the factors of pooling step {@code step}. */
		Operand<TFloat32> maxPool(Operand<TFloat32> x, int step) {
			if (config.dimensions() == 2) return tf.nn.maxPool(x, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(
				new int[] { 1, 2, 2, 1 }), "VALID");
			int[] f = config.pooling()[step];
			List<Long> window = List.of(1L, (long) f[0], (long) f[1], (long) f[2], 1L);
			return tf.nn.maxPool3d(x, window, window, "VALID");
		}

		/** Up-samples {@code x} to the spatial size of {@code like}, undoing pooling step {@code step}. */
		Operand<TFloat32> upsampleTo(Operand<TFloat32> x, Operand<TFloat32> like, int step) {
			if (config.dimensions() == 3) return repeat(x, like, config.pooling()[step]);
			Operand<TInt32> size = tf.slice(tf.shape(like), tf.constant(new int[] { 1 }), tf.constant(new int[] { 2 }));
			return tf.image.resizeBilinear(x, size, ResizeBilinear.alignCorners(true));
		}

		/**
		 * Nearest-neighbour up-sampling of an NDHWC tensor by the factors {@code f} ({@code z, y, x}): each voxel is
		 * repeated by a broadcast product (ops with gradients in TensorFlow Java), then reshaped to {@code like}'s
		 * size.
		 */
		private Operand<TFloat32> repeat(Operand<TFloat32> x, Operand<TFloat32> like, int[] f) {
			Operand<TFloat32> y = tf.expandDims(tf.expandDims(tf.expandDims(x, tf.constant(4)), tf.constant(3)), tf
				.constant(2)); // [N, D, 1, H, 1, W, 1, C]
			Operand<TFloat32> ones = tf.fill(tf.constant(new int[] { 1, 1, f[0], 1, f[1], 1, f[2], 1 }), tf.constant(
				1f));
			long channels = x.shape().size(4);
			Operand<TInt32> size = tf.concat(List.of(tf.slice(tf.shape(like), tf.constant(new int[] { 0 }), tf.constant(
				new int[] { 4 })), tf.constant(new int[] { (int) channels })), tf.constant(0));
			return tf.reshape(tf.math.mul(y, ones), size);
		}

		private Variable<TFloat32> w(String name) {
			return weights.variable(name);
		}
	}
}
