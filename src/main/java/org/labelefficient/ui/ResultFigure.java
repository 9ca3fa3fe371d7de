package org.labelefficient.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;

/**
 * A PNG figure of a segmentation result, to look at without ImageJ: one row per shown slice (up to {@link #MAX_ROWS},
 * spread over the volume), and in each row the grey image followed by one panel per label layer drawn over the
 * image in the colours of {@link ResultImages#colour} (label 0 in white where a layer draws it, e.g. background
 * scribbles). Panels are magnified {@link #SCALE} times and separated by {@link #GAP} dark pixels. Built with AWT
 * images only, so it works headless; written atomically.
 */
public final class ResultFigure {

	/** Most slices shown, one row each. */
	public static final int MAX_ROWS = 3;
	/** Magnification of every panel (nearest neighbour). */
	public static final int SCALE = 2;
	/** Pixels between panels. */
	public static final int GAP = 4;
	/** Colour of the gaps between panels. */
	public static final Color GAP_COLOUR = new Color(40, 40, 40);

	/**
	 * Labels drawn over the image: every voxel whose value is not {@code transparent}, mixed with the grey image at
	 * {@code opacity} (1: the label colour alone).
	 */
	public record Layer(Volume labels, int transparent, double opacity) {}

	private ResultFigure() {}

	/** Writes the figure of {@code image} and its layers to a PNG file. */
	public static void write(Path file, Volume image, List<Layer> layers) {
		BufferedImage figure = compose(image, layers);
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(figure, "png", out)) throw new BadInputException(file, "no PNG writer available");
		});
	}

	/** The figure as an RGB image (rows of slices {@link #slices}; the image panel, then one panel per layer). */
	public static BufferedImage compose(Volume image, List<Layer> layers) {
		for (Layer l : layers)
			if (!l.labels().sameSize(image)) throw new IllegalArgumentException("layer " + l.labels()
				+ " does not match image " + image);
		int[] slices = slices(image.depth());
		int w = image.width() * SCALE, h = image.height() * SCALE, panels = 1 + layers.size();
		BufferedImage figure = new BufferedImage(panels * w + (panels - 1) * GAP, slices.length * h + (slices.length
			- 1) * GAP, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = figure.createGraphics();
		g.setColor(GAP_COLOUR);
		g.fillRect(0, 0, figure.getWidth(), figure.getHeight());
		g.dispose();
		float[] range = range(image.data());
		for (int row = 0; row < slices.length; row++)
			for (int panel = 0; panel < panels; panel++)
				drawPanel(figure, panel * (w + GAP), row * (h + GAP), image, panel == 0 ? null : layers.get(panel - 1),
					slices[row], range);
		return figure;
	}

	/** The slices shown for a volume of {@code depth} slices: up to {@link #MAX_ROWS}, evenly spread. */
	public static int[] slices(int depth) {
		int rows = Math.min(MAX_ROWS, depth);
		int[] z = new int[rows];
		for (int i = 0; i < rows; i++)
			z[i] = (int) ((i + 0.5) * depth / rows);
		return z;
	}

	/** The RGB value of an image pixel of intensity {@code grey} (0..255) under a layer label, as drawn. */
	static int blend(int grey, int label, double opacity) {
		Color c = label == 0 ? Color.WHITE : ResultImages.colour(label);
		return new Color(mix(grey, c.getRed(), opacity), mix(grey, c.getGreen(), opacity), mix(grey, c.getBlue(),
			opacity)).getRGB();
	}

	/** The grey level (0..255) of intensity {@code v} in a volume whose intensities span {@code range}. */
	static int grey(float v, float[] range) {
		float span = range[1] - range[0];
		return span > 0 ? Math.round(255 * (v - range[0]) / span) : 0;
	}

	/** The minimum and maximum of {@code data}. */
	static float[] range(float[] data) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (float v : data) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		return new float[] { min, max };
	}

	private static void drawPanel(BufferedImage figure, int x0, int y0, Volume image, Layer layer, int z,
		float[] range) {
		for (int y = 0; y < image.height(); y++)
			for (int x = 0; x < image.width(); x++) {
				int g = grey(image.get(x, y, z), range), rgb = new Color(g, g, g).getRGB();
				if (layer != null) {
					int label = Math.round(layer.labels().get(x, y, z));
					if (label != layer.transparent()) rgb = blend(g, label, layer.opacity());
				}
				for (int dy = 0; dy < SCALE; dy++)
					for (int dx = 0; dx < SCALE; dx++)
						figure.setRGB(x0 + x * SCALE + dx, y0 + y * SCALE + dy, rgb);
			}
	}

	private static int mix(int grey, int colour, double opacity) {
		return (int) Math.round(grey * (1 - opacity) + colour * opacity);
	}
}
