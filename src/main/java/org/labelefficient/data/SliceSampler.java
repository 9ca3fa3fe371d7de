package org.labelefficient.data;

import java.util.List;
import java.util.Random;

import org.labelefficient.io.BadInputException;

/**
 * Draws training batches from 2D slices: a uniformly chosen slice per sample, cut to the patch size by a random crop
 * (padding with the slice's minimum, labels unannotated, where the slice is smaller), then, when augmenting, a
 * random horizontal flip and rotation by a multiple of 90 degrees. Labelled samples come from slices with the
 * plan's annotation kind, unlabelled ones from slices without annotation (or from every slice when there are none).
 */
public final class SliceSampler implements BatchAssembler {

	private final List<TrainingSlice> dense, scribbled, unlabelled;
	private final int patch;
	private final boolean augment;

	/** A sampler over {@code slices}. */
	public SliceSampler(List<TrainingSlice> slices, int patchSize, boolean augment) {
		this.dense = slices.stream().filter(s -> s.dense() != null).toList();
		this.scribbled = slices.stream().filter(s -> s.scribble() != null).toList();
		List<TrainingSlice> none = slices.stream().filter(TrainingSlice::unlabelled).toList();
		this.unlabelled = none.isEmpty() ? slices : none;
		this.patch = patchSize;
		this.augment = augment;
	}

	/** Checks that the slices can serve {@code plan}; the message says which annotation is missing. */
	public void check(BatchPlan plan, String method) {
		if (pool(plan.kind()).isEmpty()) throw new BadInputException("method " + method + " learns from "
			+ (plan.kind() == BatchPlan.LabelKind.DENSE ? "dense labels (labels/ or the 'label' dataset)"
				: "scribbles (scribbles/ or the 'scribble' dataset)") + " but the training set has none");
	}

	@Override
	public Batch next(Random random, BatchPlan plan) {
		int n = plan.size(), area = patch * patch;
		float[] images = new float[n * area];
		int[] labels = new int[n * area];
		List<TrainingSlice> labelledPool = pool(plan.kind());
		for (int b = 0; b < n; b++) {
			boolean isLabelled = b < plan.labelled();
			TrainingSlice s = (isLabelled ? labelledPool : unlabelled).get(random.nextInt(isLabelled ? labelledPool
				.size() : unlabelled.size()));
			byte[] target = !isLabelled ? null : plan.kind() == BatchPlan.LabelKind.DENSE ? s.dense() : s.scribble();
			cut(s, target, random, images, labels, b * area);
		}
		return new Batch(images, labels, n, patch);
	}

	private List<TrainingSlice> pool(BatchPlan.LabelKind kind) {
		return kind == BatchPlan.LabelKind.DENSE ? dense : scribbled;
	}

	/** Crops (or pads) and augments one sample into the batch arrays at {@code offset}. */
	private void cut(TrainingSlice s, byte[] target, Random random, float[] images, int[] labels, int offset) {
		int x0 = start(s.width(), random), y0 = start(s.height(), random);
		boolean flip = augment && random.nextBoolean();
		int rotations = augment ? random.nextInt(4) : 0;
		float fill = min(s.image());
		for (int y = 0; y < patch; y++)
			for (int x = 0; x < patch; x++) {
				int sx = x0 + x, sy = y0 + y;
				boolean inside = sx >= 0 && sy >= 0 && sx < s.width() && sy < s.height();
				int src = sy * s.width() + sx;
				int dst = offset + destination(flip ? patch - 1 - x : x, y, rotations);
				images[dst] = inside ? s.image()[src] : fill;
				labels[dst] = inside && target != null ? target[src] : -1;
			}
	}

	/** Crop start: random inside a larger side, random negative (centred padding range) for a smaller one. */
	private int start(int size, Random random) {
		return size >= patch ? random.nextInt(size - patch + 1) : -random.nextInt(patch - size + 1);
	}

	/** Index of patch position (x, y) after {@code rotations} quarter turns. */
	private int destination(int x, int y, int rotations) {
		int m = patch - 1;
		return switch (rotations) {
			case 1 -> x * patch + (m - y);
			case 2 -> (m - y) * patch + (m - x);
			case 3 -> (m - x) * patch + y;
			default -> y * patch + x;
		};
	}

	private static float min(float[] a) {
		float m = Float.POSITIVE_INFINITY;
		for (float v : a)
			m = Math.min(m, v);
		return m;
	}
}
