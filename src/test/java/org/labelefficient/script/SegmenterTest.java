package org.labelefficient.script;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.bioimage.TinyModel;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

/**
 * The scripting API segments ImgLib2 images into the labels the {@code predict} command writes, from a model folder
 * and from a bioimage.io package; the example script of scripts/ runs with Groovy.
 */
public class SegmenterTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	private static TinyModel tiny;
	private static float[] predicted;
	private static Volume image;

	@BeforeClass
	public static void predictWithTheCommand() throws IOException {
		tiny = TinyModel.shared();
		Path out = TMP.getRoot().toPath().resolve("labels.nii.gz");
		assertEquals(0, TinyModel.cli("predict", "model=" + tiny.model, "input=" + tiny.testImage(), "output=" + out));
		predicted = VolumeIO.read(out).data();
		image = VolumeIO.read(tiny.testImage());
	}

	@Test
	public void segmentsAnImgLib2ImageAsPredictDoes() throws IOException {
		try (Segmenter s = Segmenter.load(tiny.model.toString())) {
			Img<UnsignedByteType> labels = s.segment(image.img());
			assertArrayEquals(new long[] { 64, 64, 2 }, labels.dimensionsAsLongArray());
			assertArrayEquals(predicted, floats(labels), 0);
			assertEquals(4, s.numClasses());
			Segmenter.Result r = s.segmentWithProbabilities(image.img());
			assertArrayEquals(predicted, floats(r.labels()), 0);
			assertArrayEquals(new long[] { 64, 64, 2, 4 }, r.probabilities().dimensionsAsLongArray());
			float[] p = floats(r.probabilities()), u = floats(r.uncertainty());
			int n = 64 * 64 * 2;
			for (int i = 0; i < n; i++) {
				float sum = 0;
				for (int c = 0; c < 4; c++)
					sum += p[c * n + i];
				assertEquals(1, sum, 1e-5);
				assertTrue(u[i] >= 0 && u[i] <= 1 + 1e-6);
			}
		}
	}

	/** Another pixel type and a view (one slice) work as well; a package zip loads like its model folder. */
	@Test
	public void takesAnyRealTypeAndViewsAndPackages() throws IOException {
		Img<UnsignedShortType> shorts = ArrayImgs.unsignedShorts(64, 64, 2);
		Cursor<UnsignedShortType> c = shorts.cursor();
		float min = Float.POSITIVE_INFINITY;
		for (float v : image.data())
			min = Math.min(min, v);
		for (float v : image.data())
			c.next().setReal(Math.round((v - min) * 100)); // 16-bit, rounded
		RandomAccessibleInterval<UnsignedShortType> slice = Views.hyperSlice(shorts, 2, 1);
		try (Segmenter folder = Segmenter.load(tiny.model.toString()); Segmenter pack = Segmenter.load(TinyModel
			.sharedPackage().toString())) {
			Img<UnsignedByteType> a = folder.segment(slice), b = pack.segment(slice);
			assertArrayEquals(new long[] { 64, 64 }, a.dimensionsAsLongArray());
			assertArrayEquals(floats(a), floats(b), 0);
			assertEquals(folder.classNames(), pack.classNames());
		}
	}

	@Test
	public void scribblesFromRois() {
		Roi line = new Line(2, 3, 20, 3);
		line.setName("class 1");
		Roi oval = new OvalRoi(30, 30, 4, 4);
		oval.setName("background 0");
		Img<UnsignedByteType> s = Segmenter.scribbles(new Roi[] { line, oval }, 40, 40, 1, 255);
		assertArrayEquals(new long[] { 40, 40 }, s.dimensionsAsLongArray());
		float[] v = floats(s);
		assertEquals(1, v[3 * 40 + 10], 0);
		assertEquals(0, v[32 * 40 + 32], 0);
		assertEquals(255, v[20 * 40 + 20], 0);
	}

	/** scripts/Segment_Image.groovy, with its #@ parameters bound as SciJava binds them. */
	@Test
	public void theExampleScriptRuns() throws IOException {
		String script = Files.readString(Path.of("scripts/Segment_Image.groovy"));
		Binding binding = new Binding();
		binding.setVariable("model", new File(tiny.model.toString()));
		binding.setVariable("image", image.img());
		binding.setVariable("probabilities", true);
		new GroovyShell(binding).evaluate(script.lines().filter(l -> !l.startsWith("#@")).reduce("", (a, b) -> a + b
			+ "\n"));
		assertArrayEquals(predicted, floats((Img<?>) binding.getVariable("labels")), 0);
		assertArrayEquals(new long[] { 64, 64, 2, 4 }, ((Img<?>) binding.getVariable("probability_maps"))
			.dimensionsAsLongArray());
	}

	@SuppressWarnings("unchecked")
	private static float[] floats(Img<?> img) {
		float[] out = new float[(int) img.size()];
		Cursor<? extends RealType<?>> c = Views.flatIterable((RandomAccessibleInterval<? extends RealType<?>>) img)
			.cursor();
		for (int i = 0; i < out.length; i++)
			out[i] = c.next().getRealFloat();
		return out;
	}
}
