package org.labelefficient.ui;

import java.awt.Color;
import java.awt.image.IndexColorModel;
import java.util.Arrays;
import java.util.List;

import org.labelefficient.io.ImageJFormats;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VoxelType;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;

/**
 * How segmentation results are shown in ImageJ: label images with one distinct colour per class (background black),
 * the same colours as a translucent overlay on the input image, and probability maps as a channel per class.
 */
public final class ResultImages {

	/** The first class colours; further classes get hues spread by the golden angle. */
	private static final Color[] FIRST = { Color.BLACK, new Color(230, 25, 75), new Color(60, 180, 75), new Color(0,
		130, 200), new Color(255, 225, 25), new Color(240, 50, 230), new Color(70, 240, 240), new Color(245, 130,
			48) };

	private ResultImages() {}

	/** The colour of label {@code value} (0 is black). */
	public static Color colour(int value) {
		if (value < FIRST.length) return FIRST[value];
		float hue = (float) ((value * 0.618033988749895) % 1.0);
		return Color.getHSBColor(hue, 0.85f, 0.95f);
	}

	/** A 256-entry look-up table with {@link #colour} for every value. */
	public static LUT labelLut() {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int v = 0; v < 256; v++) {
			Color c = colour(v);
			r[v] = (byte) c.getRed();
			g[v] = (byte) c.getGreen();
			b[v] = (byte) c.getBlue();
		}
		return new LUT(new IndexColorModel(8, 256, r, g, b), 0, 255);
	}

	/** An 8-bit label image shown with {@link #labelLut()}. */
	public static ImagePlus labels(Volume labels, String title) {
		ImagePlus imp = ImageJFormats.toImagePlus(labels, title, VoxelType.UINT8);
		imp.setLut(labelLut());
		imp.setDisplayRange(0, 255);
		return imp;
	}

	/**
	 * Puts the labels over {@code image} as a translucent overlay (background see-through), one overlay element per
	 * slice, replacing any overlay it had. The label volume must have the image's width, height and slice count.
	 */
	public static void overlay(ImagePlus image, Volume labels, double opacity) {
		if (labels.width() != image.getWidth() || labels.height() != image.getHeight() || labels.depth() != image
			.getNSlices() * image.getNFrames()) throw new IllegalArgumentException("labels of size " + labels.width()
				+ "x" + labels.height() + "x" + labels.depth() + " do not match image " + image.getTitle());
		Overlay overlay = new Overlay();
		LUT lut = labelLut();
		int n = labels.sliceSize();
		for (int z = 0; z < labels.depth(); z++) {
			byte[] pixels = new byte[n];
			for (int i = 0; i < n; i++) pixels[i] = (byte) Math.round(labels.data()[z * n + i]);
			ByteProcessor bp = new ByteProcessor(labels.width(), labels.height(), pixels);
			bp.setLut(lut);
			ImageRoi roi = new ImageRoi(0, 0, bp.convertToRGB());
			roi.setZeroTransparent(true);
			roi.setOpacity(opacity);
			roi.setName("labels " + (z + 1));
			if (image.isHyperStack()) roi.setPosition(0, z % image.getNSlices() + 1, z / image.getNSlices() + 1);
			else if (labels.depth() > 1) roi.setPosition(z + 1);
			overlay.add(roi);
		}
		image.setOverlay(overlay);
	}

	/** A 32-bit hyperstack with one channel per class probability, shown over 0..1. */
	public static ImagePlus probabilities(List<Volume> maps, String title) {
		Volume first = maps.get(0);
		int n = first.sliceSize();
		ImageStack stack = new ImageStack(first.width(), first.height());
		for (int z = 0; z < first.depth(); z++)
			for (int c = 0; c < maps.size(); c++)
				stack.addSlice("class " + c, new FloatProcessor(first.width(), first.height(), Arrays.copyOfRange(maps.get(
					c).data(), z * n, (z + 1) * n)));
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(maps.size(), first.depth(), 1);
		imp.setDisplayRange(0, 1);
		return imp;
	}
}
