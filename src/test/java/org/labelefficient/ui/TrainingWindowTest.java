package org.labelefficient.ui;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.demo.DemoDataset;

import ij.process.ImageProcessor;

/** The live training curves, and the training window of a real command run under Xvfb with Finish now pressed. */
public class TrainingWindowTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void lossIsARunningMeanAndNonFiniteLossesAreSkipped() {
		TrainingCurves c = new TrainingCurves();
		for (int i = 1; i <= 30; i++) c.addLoss(i, 100, i == 5 ? Double.NaN : i);
		double[][] l = c.smoothedLoss();
		assertEquals(29, l[0].length);
		assertEquals(1, l[1][0], 0);
		assertEquals((1 + 2 + 3 + 4 + 6) / 5.0, l[1][4], 1e-12);
		// the 29th finite loss is iteration 30: the mean of the last 20 finite values (iterations 11..30)
		assertEquals(30, l[0][28], 0);
		assertEquals((11 + 30) / 2.0, l[1][28], 1e-12);
	}

	@Test
	public void bestValidationIsTheHighestDice() {
		TrainingCurves c = new TrainingCurves();
		assertNull(c.best());
		c.addDice(10, 0.5);
		c.addDice(20, 0.8);
		c.addDice(30, 0.7);
		assertArrayEquals(new double[] { 20, 0.8 }, c.best(), 0);
		assertArrayEquals(new double[] { 10, 20, 30 }, c.validationDice()[0], 0);
	}

	@Test
	public void plotDrawsBothCurvesInTheirColours() {
		TrainingCurves c = new TrainingCurves();
		for (int i = 1; i <= 100; i++) c.addLoss(i, 100, 2.0 / i);
		c.addDice(50, 0.6);
		c.addDice(100, 0.8);
		ImageProcessor ip = c.plot(400, 200).getProcessor();
		assertTrue(ip.getWidth() >= 400 && ip.getHeight() >= 200);
		assertTrue("blue loss line drawn", countColour(ip, 40, 90, 200) > 50);
		assertTrue("red Dice markers drawn", countColour(ip, 210, 40, 40) > 10);
	}

	private static int countColour(ImageProcessor ip, int r, int g, int b) {
		int n = 0, rgb = (r << 16) | (g << 8) | b;
		for (int i = 0; i < ip.getPixelCount(); i++)
			if ((ip.get(i) & 0xffffff) == rgb) n++;
		return n;
	}

	@Test
	public void finishNowInTheWindowStopsARealRunAndKeepsTheModels() throws Exception {
		boolean xvfb = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d,
			"xvfb-run")));
		if (!xvfb) System.err.println("SKIPPED: xvfb-run not found; the training window test does not run");
		assumeTrue("xvfb-run not found", xvfb);
		Path root = tmp.getRoot().toPath(), model = root.resolve("model"), png = root.resolve("window.png");
		DemoDataset.Layout data = new DemoDataset(64, 2).write(root.resolve("data"), 3, 1, 1);
		String out = probe(data.dataset(), model, png);
		assertTrue(out, out.contains("HEADLESS=false"));
		int before = number(out, "BEFORE=Iteration (\\d+) / 5000");
		assertTrue(out, out.contains("best Dice"));
		int after = number(out, "AFTER=Trained (\\d+) iterations");
		assertTrue("stopped soon after Finish now: " + out, after >= before && after < 5000);
		assertTrue(out, out.contains("CANCELED=false"));
		assertTrue("buttons disabled after the run: " + out, out.contains("BUTTON_ENABLED=false"));
		assertTrue(Files.isDirectory(model.resolve("best")) && Files.isDirectory(model.resolve("latest")));
		BufferedImage shot = ImageIO.read(png.toFile());
		assertTrue(shot.getWidth() >= 560 && shot.getHeight() >= 300);
	}

	private static String probe(Path dataset, Path model, Path png) throws Exception {
		List<String> cmd = List.of("xvfb-run", "-a", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), TrainingWindowProbe.class.getName(), dataset.toString(), model
				.toString(), png.toString());
		Path log = Files.createTempFile(tmp.getRoot().toPath(), "probe", ".log");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(4, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("the probe did not finish within 4 minutes:\n" + Files.readString(log));
		}
		return Files.readString(log);
	}

	private static int number(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertTrue(regex + " not in:\n" + text, m.find());
		return Integer.parseInt(m.group(1));
	}
}
