package org.labelefficient.nn;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * ACTION's anatomical contrast (the ReCo loss of Liu et al. 2022) on pixel representations. For each class c present
 * among the valid pixels: the prototype is the mean representation of its pixels (no gradient); queries are drawn
 * uniformly, with replacement, from its hard pixels (predicted probability of c below {@code strongThreshold}); each
 * query is contrasted with {@code negatives} keys, whose classes are drawn from the softmax of the prototypes' cosine
 * similarity to c's prototype over the other present classes (harder classes more often), and whose pixels are drawn
 * uniformly among the valid pixels of that class (no gradient). The keys are drawn once per class and step and shared
 * by its queries (ReCo draws them per query: the same distribution, with a memory of queries x negatives x channels
 * floats per class that a 2-core machine cannot afford). Each query's InfoNCE with the prototype as its positive is
 * averaged,
 * summed over classes with hard pixels and divided by the number of present classes; with fewer than two classes
 * present the loss is 0. Every similarity is a cosine divided by the temperature.
 */
public final class AnatomicalContrast {

	/** How queries and keys are drawn. */
	public record Sampling(int queries, int negatives, float temperature, float strongThreshold) {}

	/** Log-weight of a pixel or class that cannot be drawn. */
	private static final float EXCLUDED = -1e4f;

	private AnatomicalContrast() {}

	/**
	 * @param representation pixel representations {@code [B, H, W, D]}
	 * @param classes class of each pixel {@code [B, H, W]}, -1 where the pixel is not valid
	 * @param probabilities the network's class probabilities {@code [B, H, W, K]} (used without gradient)
	 */
	public static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> representation, Operand<TInt32> classes,
		Operand<TFloat32> probabilities, int numClasses, Sampling s, Operand<TInt64> seed) {
		int dim = (int) representation.shape().get(3);
		Operand<TFloat32> raw = tf.reshape(representation, tf.constant(new int[] { -1, dim }));
		Operand<TFloat32> unit = ClassContrast.l2Normalize(tf, raw);
		Operand<TFloat32> y = tf.reshape(Losses.oneHot(tf, tf.reshape(classes, tf.constant(new int[] { -1 })),
			numClasses), tf.constant(new int[] { -1, numClasses }));
		Operand<TFloat32> counts = tf.sum(y, tf.constant(0));
		Operand<TFloat32> present = tf.dtypes.cast(tf.math.greater(counts, tf.constant(0f)), TFloat32.class);
		Operand<TFloat32> prototypes = tf.stopGradient(ClassContrast.l2Normalize(tf, tf.math.div(tf.linalg.matMul(y,
			raw, MatMul.transposeA(true)), tf.expandDims(tf.math.maximum(counts, tf.constant(1f)), tf.constant(1)))));
		Operand<TFloat32> p = tf.stopGradient(tf.reshape(probabilities, tf.constant(new int[] { -1, numClasses })));
		Operand<TFloat32> hard = tf.math.mul(y, tf.dtypes.cast(tf.math.less(p, tf.constant(s.strongThreshold())),
			TFloat32.class));
		Operand<TFloat32> pools = tf.stopGradient(drawWeights(tf, tf.linalg.transpose(y, tf.constant(new int[] { 1,
			0 }))));
		Operand<TFloat32> total = tf.constant(0f);
		for (int c = 0; c < numClasses; c++) {
			Operand<TInt64> classSeed = tf.math.add(seed, tf.constant(new long[] { 0, 104729L * (c + 1) }));
			Operand<TFloat32> hardC = column(tf, hard, c);
			Operand<TFloat32> queries = tf.gather(unit, draw(tf, tf.stopGradient(drawWeights(tf, tf.reshape(hardC, tf
				.constant(new int[] { 1, -1 })))), s.queries(), classSeed), tf.constant(0));
			Operand<TFloat32> keys = negatives(tf, unit, pools, negativeClassWeights(tf, prototypes, present, c, s
				.temperature()), s, classSeed);
			Operand<TFloat32> positive = tf.slice(prototypes, tf.constant(new int[] { c, 0 }), tf.constant(new int[] {
				1, -1 }));
			Operand<TFloat32> active = tf.math.mul(tf.slice(present, tf.constant(new int[] { c }), tf.constant(
				new int[] { 1 })), tf.dtypes.cast(tf.math.greater(tf.sum(hardC, tf.constant(0)), tf.constant(0f)),
					TFloat32.class));
			total = tf.math.add(total, tf.math.mul(Losses.sumAll(tf, active), infoNce(tf, queries, tf.reshape(positive,
				tf.constant(new int[] { -1 })), keys, s.temperature())));
		}
		Operand<TFloat32> presentCount = Losses.sumAll(tf, present);
		Operand<TFloat32> enough = tf.dtypes.cast(tf.math.greater(presentCount, tf.constant(1f)), TFloat32.class);
		return tf.math.div(tf.math.mul(total, enough), tf.math.maximum(presentCount, tf.constant(1f)));
	}

	/**
	 * The mean over queries of {@code -log(exp(q.k+ / t) / (exp(q.k+ / t) + sum_j exp(q.k_j / t)))} for unit queries
	 * {@code [Q, D]}, a unit positive key {@code [D]} and unit negative keys {@code [M, D]}.
	 */
	public static Operand<TFloat32> infoNce(Ops tf, Operand<TFloat32> queries, Operand<TFloat32> positive,
		Operand<TFloat32> negatives, float temperature) {
		Operand<TFloat32> t = tf.constant(temperature);
		Operand<TFloat32> pos = tf.math.div(tf.sum(tf.math.mul(queries, positive), tf.constant(1), Sum.keepDims(true)),
			t);
		Operand<TFloat32> neg = tf.math.div(tf.linalg.matMul(queries, negatives, MatMul.transposeB(true)), t);
		Operand<TFloat32> logits = tf.concat(List.of(pos, neg), tf.constant(1));
		Operand<TFloat32> logP = Losses.logSoftmax(tf, logits);
		return tf.math.neg(Losses.meanAll(tf, tf.slice(logP, tf.constant(new int[] { 0, 0 }), tf.constant(new int[] {
			-1, 1 }))));
	}

	/** Log-weights that draw uniformly among the entries equal to 1 of each row of a 0/1 matrix. */
	private static Operand<TFloat32> drawWeights(Ops tf, Operand<TFloat32> mask) {
		return tf.math.mul(tf.math.sub(tf.constant(1f), mask), tf.constant(EXCLUDED));
	}

	/** {@code n} indices drawn with the log-weights of a single row {@code [1, N]}. */
	private static Operand<TInt64> draw(Ops tf, Operand<TFloat32> logWeights, int n, Operand<TInt64> seed) {
		return tf.reshape(tf.random.statelessMultinomial(logWeights, tf.constant(n), seed), tf.constant(new int[] {
			-1 }));
	}

	/** Log-weights {@code [1, K]} of the negative classes for class {@code c}: prototype similarity, others only. */
	private static Operand<TFloat32> negativeClassWeights(Ops tf, Operand<TFloat32> prototypes,
		Operand<TFloat32> present, int c, float temperature) {
		int k = (int) prototypes.shape().get(0);
		float[] self = new float[k];
		self[c] = 1;
		Operand<TFloat32> mine = tf.slice(prototypes, tf.constant(new int[] { c, 0 }), tf.constant(new int[] { 1,
			-1 }));
		Operand<TFloat32> similarity = tf.math.div(tf.linalg.matMul(mine, prototypes, MatMul.transposeB(true)), tf
			.constant(temperature));
		Operand<TFloat32> excluded = tf.math.sub(tf.constant(1f), tf.math.mul(present, tf.math.sub(tf.constant(1f), tf
			.constant(self))));
		return tf.stopGradient(tf.math.add(similarity, tf.math.mul(tf.reshape(excluded, tf.constant(new int[] { 1,
			-1 })), tf.constant(EXCLUDED))));
	}

	/** Unit keys {@code [M, D]}: a class per key from {@code classWeights}, then a pixel of it from its pool. */
	private static Operand<TFloat32> negatives(Ops tf, Operand<TFloat32> unit, Operand<TFloat32> pools,
		Operand<TFloat32> classWeights, Sampling s, Operand<TInt64> seed) {
		int n = s.negatives();
		Operand<TInt64> keyClasses = draw(tf, classWeights, n, tf.math.add(seed, tf.constant(new long[] { 1, 0 })));
		Operand<TInt64> candidates = tf.random.statelessMultinomial(pools, tf.constant(n), tf.math.add(seed, tf
			.constant(new long[] { 2, 0 })));
		Operand<TInt64> index = tf.range(tf.constant(0L), tf.constant((long) n), tf.constant(1L));
		Operand<TInt64> pixels = tf.gatherNd(candidates, tf.stack(List.of(keyClasses, index), org.tensorflow.op.core.Stack
			.axis(1L)));
		return tf.stopGradient(tf.gather(unit, pixels, tf.constant(0)));
	}

	private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> m, int c) {
		return tf.reshape(tf.slice(m, tf.constant(new int[] { 0, c }), tf.constant(new int[] { -1, 1 })), tf.constant(
			new int[] { -1 }));
	}
}
