package org.labelefficient.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.labelefficient.io.BadInputException;

/**
 * Draws 3D training batches from the dataset's volumes (its slices stacked per case, read in place, not copied):
 * random patches of {@code z, y, x} voxels, padded with the volume's minimum (labels unannotated) where the volume is
 * smaller; a share of the labelled patches is centred on a randomly chosen annotated foreground voxel (a labelled
 * class above 0, or any scribbled voxel), since small structures are rare in a volume; when augmenting, a random flip
 * along each axis. Intensities arrive normalised per volume by the dataset.
 */
public final class VolumeSampler implements BatchAssembler {

	/** The share of labelled patches centred on a foreground voxel (nnU-Net's one third). */
	public static final double FOREGROUND_SHARE = 1.0 / 3;

	/** One case's slices, in z order, and its annotated foreground voxels for the plan's kind. */
	private record Stack(List<TrainingSlice> slices, int width, int height, float min, int[] denseForeground,
		int[] scribbleForeground) {

		int depth() {
			return slices.size();
		}

		boolean has(BatchPlan.LabelKind kind) {
			TrainingSlice s = slices.get(0);
			return kind == BatchPlan.LabelKind.DENSE ? s.dense() != null : s.scribble() != null;
		}

		boolean unlabelled() {
			return slices.get(0).unlabelled();
		}
	}

	private final List<Stack> stacks = new ArrayList<>();
	private final List<Stack> unlabelled;
	private final int[] patch;
	private final boolean augment;

	/** A sampler over the volumes of {@code slices} (consecutive slices of a case form its volume). */
	public VolumeSampler(List<TrainingSlice> slices, int[] patch, boolean augment) {
		Map<String, List<TrainingSlice>> byCase = new LinkedHashMap<>();
		for (TrainingSlice s : slices)
			byCase.computeIfAbsent(s.caseName(), k -> new ArrayList<>()).add(s);
		for (List<TrainingSlice> c : byCase.values()) {
			c.sort((a, b) -> Integer.compare(a.z(), b.z()));
			TrainingSlice first = c.get(0);
			stacks.add(new Stack(c, first.width(), first.height(), min(c), foreground(c, true), foreground(c, false)));
		}
		List<Stack> none = stacks.stream().filter(Stack::unlabelled).toList();
		this.unlabelled = none.isEmpty() ? stacks : none;
		this.patch = patch.clone();
		this.augment = augment;
	}

	/** Checks that the volumes can serve {@code plan}; the message says which annotation is missing. */
	public void check(BatchPlan plan, String method) {
		if (pool(plan.kind()).isEmpty()) throw new BadInputException("method " + method + " learns from "
			+ (plan.kind() == BatchPlan.LabelKind.DENSE ? "dense labels" : "scribbles")
			+ " but the training set has no volume with them");
	}

	private List<Stack> pool(BatchPlan.LabelKind kind) {
		return stacks.stream().filter(s -> s.has(kind)).toList();
	}

	@Override
	public Batch next(Random random, BatchPlan plan) {
		int n = plan.size(), volume = patch[0] * patch[1] * patch[2];
		float[] images = new float[n * volume];
		int[] labels = new int[n * volume];
		List<Stack> labelledPool = pool(plan.kind());
		for (int b = 0; b < n; b++) {
			boolean isLabelled = b < plan.labelled();
			List<Stack> from = isLabelled ? labelledPool : unlabelled;
			Stack s = from.get(random.nextInt(from.size()));
			boolean dense = plan.kind() == BatchPlan.LabelKind.DENSE;
			int[] foreground = dense ? s.denseForeground() : s.scribbleForeground();
			boolean centred = isLabelled && foreground.length > 0 && random.nextDouble() < FOREGROUND_SHARE;
			int[] start = centred ? centredStart(s, foreground[random.nextInt(foreground.length)]) : new int[] { start(s
				.depth(), patch[0], random), start(s.height(), patch[1], random), start(s.width(), patch[2], random) };
			boolean[] flip = { augment && random.nextBoolean(), augment && random.nextBoolean(), augment && random
				.nextBoolean() };
			cut(s, isLabelled ? dense : null, start, flip, images, labels, b * volume);
		}
		return new Batch(images, labels, n, patch[2], patch.clone());
	}

	/** The patch start that puts voxel {@code index} at the patch centre, kept inside the volume where it fits. */
	private int[] centredStart(Stack s, int index) {
		int slice = s.width() * s.height();
		int[] at = { index / slice, index % slice / s.width(), index % s.width() };
		int[] size = { s.depth(), s.height(), s.width() }, out = new int[3];
		for (int a = 0; a < 3; a++) {
			int st = at[a] - patch[a] / 2;
			out[a] = size[a] >= patch[a] ? Math.max(0, Math.min(st, size[a] - patch[a])) : Math.min(0, Math.max(st,
				size[a] - patch[a]));
		}
		return out;
	}

	/** Crop start: random inside a larger side, random negative (centred padding range) for a smaller one. */
	private static int start(int size, int p, Random random) {
		return size >= p ? random.nextInt(size - p + 1) : -random.nextInt(p - size + 1);
	}

	/** Copies one patch (labels of the chosen kind, or none) into the batch arrays at {@code offset}. */
	private void cut(Stack s, Boolean dense, int[] start, boolean[] flip, float[] images, int[] labels, int offset) {
		float fill = s.min();
		int i = offset;
		for (int z = 0; z < patch[0]; z++) {
			int sz = start[0] + (flip[0] ? patch[0] - 1 - z : z);
			TrainingSlice slice = sz >= 0 && sz < s.depth() ? s.slices().get(sz) : null;
			byte[] target = slice == null || dense == null ? null : dense ? slice.dense() : slice.scribble();
			for (int y = 0; y < patch[1]; y++) {
				int sy = start[1] + (flip[1] ? patch[1] - 1 - y : y);
				for (int x = 0; x < patch[2]; x++, i++) {
					int sx = start[2] + (flip[2] ? patch[2] - 1 - x : x);
					boolean inside = slice != null && sy >= 0 && sx >= 0 && sy < s.height() && sx < s.width();
					int src = sy * s.width() + sx;
					images[i] = inside ? slice.image()[src] : fill;
					labels[i] = inside && target != null ? target[src] : -1;
				}
			}
		}
	}

	private static float min(List<TrainingSlice> slices) {
		float m = Float.POSITIVE_INFINITY;
		for (TrainingSlice t : slices)
			for (float v : t.image())
				m = Math.min(m, v);
		return m;
	}

	/** Indices ({@code (z * height + y) * width + x}) of annotated foreground voxels: classes above 0, or scribbles. */
	private static int[] foreground(List<TrainingSlice> slices, boolean dense) {
		IntStream.Builder out = IntStream.builder();
		for (int z = 0; z < slices.size(); z++) {
			TrainingSlice s = slices.get(z);
			byte[] a = dense ? s.dense() : s.scribble();
			if (a == null) continue;
			for (int i = 0; i < a.length; i++)
				if (dense ? a[i] > 0 : a[i] >= 0) out.add(z * a.length + i);
		}
		return out.build().toArray();
	}
}
