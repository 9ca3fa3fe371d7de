package org.labelefficient.scribble;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;

/**
 * Converts between ImageJ ROIs (as in the ROI Manager) and scribble images. Each ROI paints its class into the
 * pixels ImageJ itself counts as inside it ({@link Roi#getContainedPoints()}): lines, polylines and freelines as a
 * band of their stroke width (a one-pixel path for width 1), areas filled, points as single pixels. Later ROIs
 * overwrite earlier ones. Back, each class of each slice becomes one traced outline ROI, named {@code "class <c>"}.
 */
public final class RoiScribbles {

	private static final Pattern TRAILING_INTEGER = Pattern.compile("(\\d+)\\s*$");
	/** ROI Manager default names such as {@code 0001-0123-0456} (slice-y-x) carry coordinates, not classes. */
	private static final Pattern MANAGER_DEFAULT_NAME = Pattern.compile("\\d+(-\\d+){1,3}");

	private RoiScribbles() {}

	/**
	 * A scribble image of the given size painted from ROIs, with classes from {@link #classFromRoi}.
	 *
	 * @see #fromRois(List, int, int, int, int, ToIntFunction)
	 */
	public static Volume fromRois(List<Roi> rois, int width, int height, int depth, int unlabelledValue) {
		return fromRois(rois, width, height, depth, unlabelledValue, RoiScribbles::classFromRoi);
	}

	/**
	 * A scribble image of {@code width x height x depth}: {@code unlabelledValue} everywhere except the pixels of each
	 * ROI, which get {@code classOf(roi)} in the ROI's slice. The slice is the ROI's z position (hyperstack; its
	 * frame on a time series) or stack position, 1-based; a ROI without position goes to slice 1 of a 2D image and is an error for a stack.
	 *
	 * @throws BadInputException naming the ROI for a missing or out-of-range slice, or a negative class or one equal
	 *           to the unlabelled value
	 */
	public static Volume fromRois(List<Roi> rois, int width, int height, int depth, int unlabelledValue,
		ToIntFunction<Roi> classOf) {
		float[] data = new float[Math.multiplyExact(Math.multiplyExact(width, height), depth)];
		Arrays.fill(data, unlabelledValue);
		Volume out = new Volume(data, width, height, depth);
		for (Roi roi : rois)
			paint(out, roi, sliceOf(roi, depth), checkedClass(roi, classOf.applyAsInt(roi), unlabelledValue));
		return out;
	}

	/**
	 * The class a ROI marks: the trailing integer of its name ({@code "2"}, {@code "class 2"}, {@code "LV:3"}), or
	 * else its group ({@link Roi#getGroup()}, 1..255; group 0 means no group, so background needs a name). ROI Manager
	 * default names ({@code 0001-0123-0456}) do not count as class names.
	 *
	 * @throws BadInputException naming the ROI when neither gives a class
	 */
	public static int classFromRoi(Roi roi) {
		String name = roi.getName();
		if (name != null && !MANAGER_DEFAULT_NAME.matcher(name.trim()).matches()) {
			Matcher m = TRAILING_INTEGER.matcher(name);
			if (m.find()) return parseClass(roi, m.group(1));
		}
		if (roi.getGroup() > 0) return roi.getGroup();
		throw new BadInputException("ROI " + describe(roi) + " has no class: name it like \"class 2\" or put it in "
			+ "group 2 (the group of the class)");
	}

	/**
	 * One ROI per class per slice tracing the pixels of that class ({@link ThresholdToSelection}), named
	 * {@code "class <c>"}, in group c (for classes 1..255), with stack position z+1; ordered by slice, then class.
	 *
	 * @throws BadInputException for a value that is not an integer 0 or more (other than the unlabelled value)
	 */
	public static List<Roi> toRois(Volume scribble, int unlabelledValue) {
		List<Roi> out = new ArrayList<>();
		for (int z = 0; z < scribble.depth(); z++)
			for (int c : classesInSlice(scribble, z, unlabelledValue)) {
				Roi roi = outline(scribble, z, c);
				roi.setName("class " + c);
				if (c >= 1 && c <= 255) roi.setGroup(c);
				roi.setPosition(z + 1);
				out.add(roi);
			}
		return out;
	}

	private static void paint(Volume out, Roi roi, int z, int c) {
		for (Point p : roi.getContainedPoints())
			if (p.x >= 0 && p.y >= 0 && p.x < out.width() && p.y < out.height()) out.set(p.x, p.y, z, c);
	}

	/**
	 * The 0-based slice of a ROI: its hyperstack z position, or its frame on a time series (z 1 or none, frame above
	 * 1; volumes have slices or frames, not both), or else its stack position.
	 */
	private static int sliceOf(Roi roi, int depth) {
		int position = roi.getPosition();
		if (roi.hasHyperStackPosition()) position = roi.getTPosition() > 1 && roi.getZPosition() <= 1 ? roi
			.getTPosition() : roi.getZPosition();
		if (position == 0) {
			if (depth == 1) return 0;
			throw new BadInputException("ROI " + describe(roi) + " has no slice position, but the image has "
				+ depth + " slices; add it to the ROI Manager from its slice (with \"Associate with slice\" on)");
		}
		if (position < 1 || position > depth) throw new BadInputException("ROI " + describe(roi) + " is on slice "
			+ position + ", but the image has " + depth + " slice" + (depth == 1 ? "" : "s"));
		return position - 1;
	}

	private static int checkedClass(Roi roi, int c, int unlabelledValue) {
		if (c < 0) throw new BadInputException("ROI " + describe(roi) + ": class " + c + " is negative");
		if (c == unlabelledValue) throw new BadInputException("ROI " + describe(roi) + ": class " + c
			+ " is the unlabelled value");
		return c;
	}

	private static int parseClass(Roi roi, String digits) {
		try {
			return Integer.parseInt(digits);
		} catch (NumberFormatException e) {
			throw new BadInputException("ROI " + describe(roi) + ": class number " + digits + " is too large");
		}
	}

	/** The ROI's name in quotes, or its type and bounds when it has none. */
	static String describe(Roi roi) {
		if (roi.getName() != null) return "\"" + roi.getName() + "\"";
		Rectangle b = roi.getBounds();
		return "(unnamed " + roi.getTypeAsString().toLowerCase() + " at x=" + b.x + ", y=" + b.y + ")";
	}

	private static TreeSet<Integer> classesInSlice(Volume scribble, int z, int unlabelledValue) {
		TreeSet<Integer> classes = new TreeSet<>();
		int n = scribble.sliceSize(), off = z * n;
		float[] d = scribble.data();
		for (int i = off; i < off + n; i++) {
			float f = d[i];
			if (f == unlabelledValue) continue;
			if (!(f >= 0 && f == Math.rint(f))) throw new BadInputException("scribble value " + f + " on slice "
				+ (z + 1) + " is neither a class (an integer 0 or more) nor the unlabelled value " + unlabelledValue);
			classes.add((int) f);
		}
		return classes;
	}

	private static Roi outline(Volume scribble, int z, int c) {
		ByteProcessor mask = new ByteProcessor(scribble.width(), scribble.height());
		int n = scribble.sliceSize(), off = z * n;
		for (int i = 0; i < n; i++)
			if (scribble.data()[off + i] == c) mask.set(i, 255);
		mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		return new ThresholdToSelection().convert(mask);
	}
}
