package org.labelefficient.demo;

import java.util.Random;

import org.labelefficient.io.Volume;

/**
 * Generates small synthetic short-axis "cardiac" volumes with the ACDC classes (0 background, 1 RV, 2 myocardium,
 * 3 LV): a bright left-ventricle disc in a dark myocardial ring, a bright right-ventricle crescent beside it, on a
 * textured background with noise, the shapes shrinking from slice to slice. Each case comes with its dense labels
 * and with scribbles (one stroke per class inside the region, away from its border, and a background stroke),
 * everything else marked with the unlabelled value. Deterministic for a seed.
 */
public final class SyntheticCardiac {

	/** Number of classes (background, RV, myocardium, LV). */
	public static final int CLASSES = 4;

	/** One generated case. */
	public record Case(Volume image, Volume label, Volume scribble) {}

	private final int size;
	private final int depth;
	private final int unlabelledValue;

	/** Volumes of {@code size x size x depth} voxels; scribbles use {@code unlabelledValue} for unannotated voxels. */
	public SyntheticCardiac(int size, int depth, int unlabelledValue) {
		this.size = size;
		this.depth = depth;
		this.unlabelledValue = unlabelledValue;
	}

	/** Generates the case for {@code seed}. */
	public Case generate(long seed) {
		Random r = new Random(seed);
		double cx = size * (0.5 + 0.1 * (r.nextDouble() - 0.5)), cy = size * (0.5 + 0.1 * (r.nextDouble() - 0.5));
		double lv = size * (0.11 + 0.04 * r.nextDouble()), wall = size * (0.05 + 0.02 * r.nextDouble());
		double rv = lv * (1.2 + 0.3 * r.nextDouble()), angle = Math.PI + 0.4 * (r.nextDouble() - 0.5);
		double[] intensity = { 0.2, 0.65 + 0.1 * r.nextDouble(), 0.3, 0.8 + 0.1 * r.nextDouble() };
		double[] spacing = { 1.5, 1.5, 8 };
		Volume image = Volume.zeros(size, size, depth, spacing);
		Volume label = Volume.zeros(size, size, depth, spacing);
		Volume scribble = Volume.zeros(size, size, depth, spacing);
		double phase = r.nextDouble() * 10;
		for (int z = 0; z < depth; z++) {
			double shrink = 1 - 0.12 * z;
			for (int y = 0; y < size; y++)
				for (int x = 0; x < size; x++) {
					int c = classAt(x - cx, y - cy, lv * shrink, wall, rv * shrink, angle);
					label.set(x, y, z, c);
					double texture = 0.05 * Math.sin(0.3 * x + phase) * Math.cos(0.25 * y - phase);
					image.set(x, y, z, (float) (intensity[c] + texture + 0.06 * r.nextGaussian()));
				}
			scribbleSlice(label, scribble, z, r);
			myocardiumArc(label, scribble, z, cx, cy, lv * shrink + wall / 2, r);
		}
		return new Case(image, label, scribble);
	}

	static int classAt(double dx, double dy, double lv, double wall, double rv, double angle) {
		double d = Math.hypot(dx, dy);
		if (d < lv) return 3;
		if (d < lv + wall) return 2;
		double rx = dx - Math.cos(angle) * (lv + wall), ry = dy - Math.sin(angle) * (lv + wall);
		if (Math.hypot(rx, ry) < rv) return 1;
		return 0;
	}

	/** Draws, per class present in slice z, a straight stroke through the class centroid, kept 2 pixels inside. */
	private void scribbleSlice(Volume label, Volume scribble, int z, Random r) {
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				scribble.set(x, y, z, unlabelledValue);
		for (int c = 0; c < CLASSES; c++) {
			double[] centre = centroid(label, z, c);
			if (centre == null) continue;
			double a = r.nextDouble() * Math.PI;
			for (double t = -size; t <= size; t += 0.5) {
				int x = (int) Math.round(centre[0] + t * Math.cos(a)), y = (int) Math.round(centre[1] + t * Math.sin(a));
				if (insideBy(label, x, y, z, c, c == 0 ? 6 : 2) && (c != 0 || Math.abs(t) < size / 3.0))
					scribble.set(x, y, z, c);
			}
		}
	}

	/** The myocardium is a thin ring: its stroke follows the ring's mid-line over half a turn. */
	private void myocardiumArc(Volume label, Volume scribble, int z, double cx, double cy, double radius, Random r) {
		double start = r.nextDouble() * 2 * Math.PI;
		for (double a = start; a < start + Math.PI; a += 0.5 / radius) {
			int x = (int) Math.round(cx + radius * Math.cos(a)), y = (int) Math.round(cy + radius * Math.sin(a));
			if (x >= 0 && y >= 0 && x < size && y < size && label.get(x, y, z) == 2) scribble.set(x, y, z, 2);
		}
	}

	private double[] centroid(Volume label, int z, int c) {
		double sx = 0, sy = 0;
		int n = 0;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				if (label.get(x, y, z) == c && insideBy(label, x, y, z, c, 2)) {
					sx += x;
					sy += y;
					n++;
				}
		if (n == 0) return null;
		// the centroid of a ring or crescent may lie outside it: snap to the nearest interior pixel
		double mx = sx / n, my = sy / n, best = Double.MAX_VALUE;
		double[] out = null;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				if (label.get(x, y, z) == c && insideBy(label, x, y, z, c, 2)) {
					double d = Math.hypot(x - mx, y - my);
					if (d < best) {
						best = d;
						out = new double[] { x, y };
					}
				}
		return out;
	}

	/** True when every pixel within {@code margin} (Chebyshev) of (x, y) is inside the image and of class c. */
	private boolean insideBy(Volume label, int x, int y, int z, int c, int margin) {
		for (int dy = -margin; dy <= margin; dy++)
			for (int dx = -margin; dx <= margin; dx++) {
				int px = x + dx, py = y + dy;
				if (px < 0 || py < 0 || px >= size || py >= size || label.get(px, py, z) != c) return false;
			}
		return true;
	}
}
