package org.labelefficient.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.metrics.MetricsTable;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.ui.ResultFigure;

/**
 * The demo, on a small budget, with the project's own method: metrics, and beside them a figure per test volume whose
 * prediction and reference panels are coloured exactly where the prediction and the reference have a class.
 */
public class DemoRunTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static final int SIZE = 64, PANEL = SIZE * ResultFigure.SCALE;

	@Test
	public void writesMetricsAndAFigurePerTestVolume() throws Exception {
		Path out = tmp.getRoot().toPath().resolve("demo");
		List<String> log = new ArrayList<>();
		MetricsTable table = new DemoRun(out, "scribsd", 40, SIZE, 1).run(new TrainingListener() {},
			new TrainingControl(), log::add);
		assertTrue(Files.isRegularFile(out.resolve("metrics.csv")));
		assertTrue("mean Dice " + table.overallMean().dice(), table.overallMean().dice() > 0);
		int[] slices = ResultFigure.slices(4);
		long predicted = 0;
		for (String name : new String[] { "test00", "test01", "test02" }) {
			Path png = out.resolve(name + ".png");
			assertTrue(log.toString(), log.contains("  " + png.toAbsolutePath()));
			BufferedImage figure = ImageIO.read(png.toFile());
			assertEquals(4 * PANEL + 3 * ResultFigure.GAP, figure.getWidth());
			assertEquals(slices.length * PANEL + (slices.length - 1) * ResultFigure.GAP, figure.getHeight());
			Volume prediction = VolumeIO.read(out.resolve("predictions/" + name + ".nii.gz"));
			Volume reference = VolumeIO.read(out.resolve("data/test/labels/" + name + ".nii.gz"));
			predicted += assertColouredWhereLabelled(figure, 2, prediction, slices);
			assertTrue(name, assertColouredWhereLabelled(figure, 3, reference, slices) > 0);
		}
		assertTrue("the prediction has classes to show", predicted > 0);
	}

	/** Checks that a panel is coloured exactly at the labelled voxels of the shown slices; returns their count. */
	private static long assertColouredWhereLabelled(BufferedImage figure, int panel, Volume labels, int[] slices) {
		long labelled = 0;
		for (int row = 0; row < slices.length; row++)
			for (int y = 0; y < SIZE; y++)
				for (int x = 0; x < SIZE; x++) {
					Color c = new Color(figure.getRGB(panel * (PANEL + ResultFigure.GAP) + x * ResultFigure.SCALE, row
						* (PANEL + ResultFigure.GAP) + y * ResultFigure.SCALE));
					boolean coloured = c.getRed() != c.getGreen() || c.getGreen() != c.getBlue();
					boolean label = labels.get(x, y, slices[row]) > 0;
					assertEquals("panel " + panel + " at " + x + "," + y + " of slice " + slices[row], label, coloured);
					if (label) labelled++;
				}
		return labelled;
	}
}
