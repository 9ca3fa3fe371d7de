package org.labelefficient.bioimage;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.labelefficient.io.Volume;

/**
 * The package's cover image: the test input in grey on the left and its predicted labels in colour over it on the
 * right, 2:1 as the bioimage.io website shows covers.
 */
final class Cover {

	private static final Color[] COLOURS = { new Color(230, 25, 75), new Color(60, 180, 75), new Color(0, 130, 200),
		new Color(255, 225, 25), new Color(145, 30, 180), new Color(70, 240, 240), new Color(245, 130, 48) };

	/** Covers are at least this many pixels high. */
	private static final int MIN_HEIGHT = 256;

	private Cover() {}

	/** PNG bytes of the cover for a 2D {@code input} and its probabilities {@code [height, width, K]}. */
	static byte[] png(Volume input, float[] probabilities, int k) {
		int w = input.width(), h = input.height();
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (float v : input.data()) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		BufferedImage image = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				int g = max > min ? Math.round(255 * (input.data()[i] - min) / (max - min)) : 0;
				int grey = new Color(g, g, g).getRGB();
				image.setRGB(x, y, grey);
				int label = argmax(probabilities, i * k, k);
				if (label == 0) image.setRGB(w + x, y, grey);
				else {
					Color c = COLOURS[(label - 1) % COLOURS.length];
					image.setRGB(w + x, y, new Color((c.getRed() + g) / 2, (c.getGreen() + g) / 2, (c.getBlue() + g) / 2)
						.getRGB());
				}
			}
		int scale = Math.max(1, (MIN_HEIGHT + h - 1) / h); // small test inputs are enlarged, pixels kept square
		BufferedImage shown = image;
		if (scale > 1) {
			shown = new BufferedImage(2 * w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
			for (int y = 0; y < h * scale; y++)
				for (int x = 0; x < 2 * w * scale; x++)
					shown.setRGB(x, y, image.getRGB(x / scale, y / scale));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(shown, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static int argmax(float[] p, int offset, int k) {
		int best = 0;
		for (int c = 1; c < k; c++)
			if (p[offset + c] > p[offset + best]) best = c;
		return best;
	}
}
