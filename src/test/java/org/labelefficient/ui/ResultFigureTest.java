package org.labelefficient.ui;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.Volume;

public class ResultFigureTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final int W = 4, H = 3, D = 5, PANEL_W = W * ResultFigure.SCALE, PANEL_H = H * ResultFigure.SCALE;

	private final Volume image = volume((x, y, z) -> x + 10 * y + 100 * z);
	private final Volume prediction = volume((x, y, z) -> (x + y + z) % 3);
	private final Volume scribbles = volume((x, y, z) -> x == 0 ? 0 : x == 1 ? 2 : 255);

	@Test
	public void slicesAreSpreadOverTheVolume() {
		assertArrayEquals(new int[] { 0 }, ResultFigure.slices(1));
		assertArrayEquals(new int[] { 0, 2, 3 }, ResultFigure.slices(4));
		assertArrayEquals(new int[] { 0, 2, 4 }, ResultFigure.slices(5));
	}

	@Test
	public void panelsShowTheImageAndEachLayerInItsColours() {
		BufferedImage f = ResultFigure.compose(image, List.of(new ResultFigure.Layer(scribbles, 255, 1),
			new ResultFigure.Layer(prediction, 0, 0.5)));
		assertEquals(3 * PANEL_W + 2 * ResultFigure.GAP, f.getWidth());
		assertEquals(3 * PANEL_H + 2 * ResultFigure.GAP, f.getHeight());
		float[] range = { 0, 423 };
		int[] slices = ResultFigure.slices(D);
		for (int row = 0; row < slices.length; row++)
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					int z = slices[row], g = ResultFigure.grey(image.get(x, y, z), range), label = (int) prediction.get(x,
						y, z);
					int grey = new Color(g, g, g).getRGB();
					assertEquals(grey, pixel(f, 0, row, x, y));
					int scribble = (int) scribbles.get(x, y, z);
					assertEquals(scribble == 255 ? grey : ResultFigure.blend(g, scribble, 1), pixel(f, 1, row, x, y));
					assertEquals(label == 0 ? grey : ResultFigure.blend(g, label, 0.5), pixel(f, 2, row, x, y));
				}
		assertEquals(Color.WHITE.getRGB(), pixel(f, 1, 0, 0, 0));
		assertEquals(new Color(116, 13, 38).getRGB(), pixel(f, 2, 0, 1, 0)); // label 1 (230, 25, 75) half over grey 1
		assertEquals(Color.BLACK.getRGB(), pixel(f, 0, 0, 0, 0));
		assertEquals(ResultFigure.GAP_COLOUR.getRGB(), f.getRGB(PANEL_W, 0));
	}

	@Test
	public void writesAReadablePng() throws Exception {
		Path file = tmp.getRoot().toPath().resolve("figures/case.png");
		ResultFigure.write(file, image, List.of(new ResultFigure.Layer(prediction, 0, 0.5)));
		BufferedImage read = ImageIO.read(file.toFile());
		BufferedImage composed = ResultFigure.compose(image, List.of(new ResultFigure.Layer(prediction, 0, 0.5)));
		assertEquals(composed.getWidth(), read.getWidth());
		assertEquals(composed.getHeight(), read.getHeight());
		for (int y = 0; y < read.getHeight(); y++)
			for (int x = 0; x < read.getWidth(); x++)
				assertEquals(composed.getRGB(x, y), read.getRGB(x, y));
	}

	/** The figure's pixel at the top left of voxel (x, y) in the given panel and row. */
	private static int pixel(BufferedImage f, int panel, int row, int x, int y) {
		int px = panel * (PANEL_W + ResultFigure.GAP) + x * ResultFigure.SCALE;
		int py = row * (PANEL_H + ResultFigure.GAP) + y * ResultFigure.SCALE;
		assertEquals(f.getRGB(px, py), f.getRGB(px + ResultFigure.SCALE - 1, py + ResultFigure.SCALE - 1));
		return f.getRGB(px, py);
	}

	private interface Voxel {
		float value(int x, int y, int z);
	}

	private static Volume volume(Voxel v) {
		Volume out = new Volume(new float[W * H * D], W, H, D);
		for (int z = 0; z < D; z++)
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					out.set(x, y, z, v.value(x, y, z));
		return out;
	}
}
