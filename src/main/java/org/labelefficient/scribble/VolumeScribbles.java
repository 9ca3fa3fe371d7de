package org.labelefficient.scribble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.labelefficient.io.Volume;

/**
 * The generator's {@code volume} mode: strokes on a few planes in each of the three directions, as an annotator of a
 * 3D viewer scribbles in axial, coronal and sagittal views, so that a volume is sparsely annotated along every axis
 * instead of on every slice of one. Each region is eroded in 3D by the margin (a cube; smaller margins down to 0 when
 * it would vanish); across each axis the planes at the quartiles (1/4, 1/2, 3/4) of the eroded region's voxels are
 * scribbled (the same plane once), each with one 2D stroke ({@link StrokePicker}) inside the eroded region's pixels
 * of that plane, covering {@code coverage} of the class's pixels in that plane, as the {@code slices} mode does on
 * every slice. Background strokes lie on the planes at the quartiles of the foreground, with {@code coverage} times
 * the plane's foreground pixels split between the band around the (3D-dilated) foreground and the background beyond
 * it, as in 2D; without foreground, the background's own planes get {@code coverage / 16} of their pixels.
 */
final class VolumeScribbles {

	private static final double[] QUANTILES = { 0.25, 0.5, 0.75 };

	private final ScribbleGenerator.Settings settings;
	private final Volume scribble;

	private VolumeScribbles(ScribbleGenerator.Settings settings, Volume scribble) {
		this.settings = settings;
		this.scribble = scribble;
	}

	/** Paints the strokes of every class 0..maxClass of {@code label} into {@code scribble}. */
	static void paint(ScribbleGenerator.Settings settings, Volume label, int maxClass, Volume scribble) {
		new VolumeScribbles(settings, scribble).paintAll(label, maxClass);
	}

	private void paintAll(Volume label, int maxClass) {
		VolumeMask background = VolumeMask.ofValue(label, 0), foreground = background.not();
		for (int c = 1; c <= maxClass; c++) {
			VolumeMask region = VolumeMask.ofValue(label, c);
			if (region.isEmpty()) continue;
			VolumeMask eroded = erodeWithFallback(region);
			for (int[] p : planes(eroded))
				stroke(eroded, p, settings.coverage() * region.plane(p[0], p[1]).count(), c);
		}
		if (background.isEmpty()) return;
		if (foreground.isEmpty()) {
			VolumeMask eroded = erodeWithFallback(background);
			for (int[] p : planes(eroded))
				stroke(eroded, p, settings.coverage() / 16 * eroded.plane(p[0], p[1]).bits.length, 0);
			return;
		}
		VolumeMask band = foreground.dilate(settings.backgroundBand());
		VolumeMask near = erodeWithFallback(background.and(band)), far = background.andNot(band);
		far = far.isEmpty() ? far : erodeWithFallback(far);
		int painted = 0;
		for (int[] p : planes(foreground)) {
			double target = settings.coverage() * foreground.plane(p[0], p[1]).count();
			boolean twoStrokes = !far.plane(p[0], p[1]).isEmpty();
			painted += stroke(near, p, twoStrokes ? target / 2 : target, 0);
			if (twoStrokes) painted += stroke(far, p, target / 2, 0);
		}
		if (painted == 0) for (int[] p : planes(near)) // the foreground's planes hold no band: the band's own
			stroke(near, p, settings.coverage() * foreground.plane(p[0], p[1]).count(), 0);
	}

	/**
	 * One stroke of about {@code target} pixels inside the region's pixels of plane {@code p}, if it has any; returns
	 * the number of voxels painted.
	 */
	private int stroke(VolumeMask region, int[] p, double target, int c) {
		SliceMask plane = region.plane(p[0], p[1]);
		if (plane.isEmpty()) return 0;
		SliceMask s = StrokePicker.pick(plane, (int) Math.ceil(target), random(p, c));
		int w = plane.width;
		for (int i = 0; i < s.bits.length; i++)
			if (s.bits[i]) scribble.data()[region.planeVoxel(p[0], p[1], i % w, i / w)] = c;
		return s.count();
	}

	/** The distinct planes {axis, index} at the quartiles of the mask's voxels across each axis, z first. */
	static List<int[]> planes(VolumeMask mask) {
		List<int[]> out = new ArrayList<>();
		for (int axis = 2; axis >= 0; axis--) {
			int[] histogram = new int[mask.size(axis)];
			int n = 0;
			for (int i = 0; i < mask.bits.length; i++)
				if (mask.bits[i]) {
					histogram[mask.coordinate(i, axis)]++;
					n++;
				}
			int previous = -1;
			for (double q : QUANTILES) {
				int index = quantile(histogram, (long) Math.floor(q * (n - 1)));
				if (index != previous) out.add(new int[] { axis, index });
				previous = index;
			}
		}
		return out;
	}

	/** The coordinate of the voxel of rank {@code rank} (0-based) in coordinate order. */
	private static int quantile(int[] histogram, long rank) {
		long seen = 0;
		for (int i = 0; i < histogram.length; i++) {
			seen += histogram[i];
			if (seen > rank) return i;
		}
		return histogram.length - 1;
	}

	/** The region eroded by the margin, or by the largest smaller margin that leaves voxels. */
	private VolumeMask erodeWithFallback(VolumeMask region) {
		for (int m = settings.margin(); m > 0; m--) {
			VolumeMask eroded = region.erode(m);
			if (!eroded.isEmpty()) return eroded;
		}
		return region;
	}

	private Random random(int[] plane, int c) {
		long mixed = settings.seed() * 0x9E3779B97F4A7C15L + Arrays.hashCode(plane) * 0xBF58476D1CE4E5B9L + c
			* 0x94D049BB133111EBL + 0x3D;
		return new Random(mixed);
	}
}
