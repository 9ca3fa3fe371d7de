package org.labelefficient.script;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.bioimage.TinyModel;
import org.labelefficient.bridge.ChildJvmEngine;
import org.labelefficient.ij1.Engines;
import org.labelefficient.ij1.PluginsConfigTest;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * In an installed Fiji (an engine folder, TensorFlow off ImageJ's class path) the scripting API segments through the
 * engine's own Java process and gives what it gives in this JVM: the same labels, probabilities and uncertainty, from
 * a model folder and from a package; and it does so in a class loader without TensorFlow. The engine folder here links
 * the test class path's jars and a jar of our classes. Each call starts a JVM: a long test (src/test/slow-tests.txt).
 */
public class SegmenterEngineTest {

	@ClassRule
	public static final TemporaryFolder TMP = new TemporaryFolder();

	private static TinyModel tiny;
	private static Volume image;
	private static Path engine;

	@BeforeClass
	public static void engineFolder() throws IOException {
		tiny = TinyModel.shared();
		image = VolumeIO.read(tiny.testImage());
		engine = TMP.newFolder("engine").toPath();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
			if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) Files.createSymbolicLink(engine.resolve(
				Path.of(entry).getFileName()), Path.of(entry).toAbsolutePath());
		Path classes = Path.of("target", "classes");
		try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(engine.resolve("our-classes.jar")));
			Stream<Path> files = Files.walk(classes)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
				Files.copy(f, (OutputStream) jar);
				jar.closeEntry();
			}
		}
	}

	@After
	public void noEngine() {
		System.clearProperty(ChildJvmEngine.FOLDER_PROPERTY);
	}

	private static void installed() {
		System.setProperty(ChildJvmEngine.FOLDER_PROPERTY, engine.toString());
		assertTrue("the engine folder is found", Engines.ownProcess());
	}

	@Test
	public void segmentsThroughTheEngineAsInThisJvm() throws IOException {
		Segmenter.Result here;
		List<String> names;
		float[] sliceHere;
		var slice = Views.hyperSlice(image.img(), 2, 1);
		try (Segmenter s = Segmenter.load(tiny.model.toString())) {
			assertEquals("this JVM", s.engine());
			here = s.segmentWithProbabilities(image.img());
			names = s.classNames();
			sliceHere = floats(s.segment(slice));
		}
		installed();
		long start = System.nanoTime();
		try (Segmenter s = Segmenter.load(tiny.model.toString())) {
			long loaded = System.nanoTime();
			assertTrue(s.engine(), s.engine().startsWith("a Java process of its own from " + engine));
			assertEquals(4, s.numClasses());
			assertEquals(names, s.classNames());
			assertArrayEquals(floats(here.labels()), floats(s.segment(image.img())), 0);
			long segmented = System.nanoTime();
			Segmenter.Result there = s.segmentWithProbabilities(image.img());
			System.err.printf("SegmenterEngineTest: through the engine, load (info) %.1f s, segment %.1f s, "
				+ "segmentWithProbabilities %.1f s (64x64x2)%n", (loaded - start) / 1e9, (segmented - loaded) / 1e9,
				(System.nanoTime() - segmented) / 1e9);
			assertArrayEquals(floats(here.labels()), floats(there.labels()), 0);
			assertArrayEquals(here.probabilities().dimensionsAsLongArray(), there.probabilities().dimensionsAsLongArray());
			assertArrayEquals(floats(here.probabilities()), floats(there.probabilities()), 1e-6f);
			assertArrayEquals(floats(here.uncertainty()), floats(there.uncertainty()), 1e-5f);
		}
		try (Segmenter pack = Segmenter.load(TinyModel.sharedPackage().toString())) {
			var labels = pack.segment(slice);
			assertArrayEquals(new long[] { 64, 64 }, labels.dimensionsAsLongArray());
			assertArrayEquals(sliceHere, floats(labels), 0);
			assertEquals(names, pack.classNames());
		}
		System.err.printf("SegmenterEngineTest: load + 2 images + package import + 1 image through the engine: %.1f s%n",
			(System.nanoTime() - start) / 1e9);
	}

	/** ImageJ's JVM in an installed Fiji: ImageJ, SciJava, ImgLib2 and our classes; no TensorFlow, no Gson. */
	@Test
	public void segmentsWithoutTensorFlowOnTheClassPath() throws Exception {
		float[] expected;
		try (Segmenter s = Segmenter.load(tiny.model.toString())) {
			expected = floats(s.segment(image.img()));
		}
		installed();
		try (URLClassLoader fiji = PluginsConfigTest.withoutEngineJars(
			"(ij|scijava-common|parsington|imglib2)-[0-9].*\\.jar", 5)) {
			Class<?> graph = null;
			try {
				graph = Class.forName("org.tensorflow.Graph", false, fiji);
			}
			catch (ClassNotFoundException e) {
				// as in an installed Fiji
			}
			assertNull("TensorFlow is off this class path", graph);
			Object img = Class.forName("net.imglib2.img.array.ArrayImgs", true, fiji).getMethod("floats", float[].class,
				long[].class).invoke(null, image.data(), new long[] { 64, 64, 2 });
			Class<?> segmenter = Class.forName(Segmenter.class.getName(), true, fiji);
			Object s = segmenter.getMethod("load", String.class).invoke(null, tiny.model.toString());
			try {
				Object labels = segmenter.getMethod("segment", Class.forName("net.imglib2.RandomAccessibleInterval",
					false, fiji)).invoke(s, img);
				Object access = labels.getClass().getMethod("update", Object.class).invoke(labels, (Object) null);
				byte[] b = (byte[]) access.getClass().getMethod("getCurrentStorageArray").invoke(access);
				float[] got = new float[b.length];
				for (int i = 0; i < b.length; i++)
					got[i] = b[i] & 0xff;
				assertArrayEquals(expected, got, 0);
			}
			finally {
				segmenter.getMethod("close").invoke(s);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static float[] floats(Object img) {
		RandomAccessibleInterval<? extends RealType<?>> r = (RandomAccessibleInterval<? extends RealType<?>>) img;
		float[] out = new float[(int) Views.iterable(r).size()];
		Cursor<? extends RealType<?>> c = Views.flatIterable(r).cursor();
		for (int i = 0; i < out.length; i++)
			out[i] = c.next().getRealFloat();
		return out;
	}
}
