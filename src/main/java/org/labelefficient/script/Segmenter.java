package org.labelefficient.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.ij1.Engines;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.scribble.RoiScribbles;

import ij.gui.Roi;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The scripting entry point: loads a trained model (a model folder, or a bioimage.io package {@code .zip}) and
 * segments ImgLib2 images exactly as the {@code predict} command segments files (same normalisation, tiles and
 * post-processing). For Groovy and Jython in Fiji's script editor and for PyImageJ; one segmenter may serve many
 * images and must be closed. Images are 2D {@code (x, y)} or 3D {@code (x, y, z)}, any real pixel type; 3D images
 * are segmented slice by slice. A short Groovy example:
 *
 * <pre>
 * #&#64; Img image
 * import org.labelefficient.script.Segmenter
 * def seg = Segmenter.load("/models/heart")
 * try {
 *     def labels = seg.segment(image)                  // Img&lt;UnsignedByteType&gt;, 0 = background
 *     def result = seg.segmentWithProbabilities(image) // labels, probabilities (x, y[, z], class), uncertainty
 * } finally { seg.close() }
 * def scribbles = Segmenter.scribbles(RoiManager.getInstance().getRoisAsArray(), 256, 256, 1, 255)
 * </pre>
 */
public final class Segmenter implements AutoCloseable {

	/** Labels and, when asked for, per-class probabilities and the normalised-entropy uncertainty. */
	public record Result(Img<UnsignedByteType> labels, Img<FloatType> probabilities, Img<FloatType> uncertainty) {}

	private final Backend backend;

	private Segmenter(Backend backend) {
		this.backend = backend;
	}

	/** Loads a model folder or a bioimage.io package ({@code .zip}) with the prediction defaults. */
	public static Segmenter load(String model) throws IOException {
		return load(model, PredictionOptions.defaults());
	}

	/**
	 * Loads a model folder or a bioimage.io package ({@code .zip}: imported into a temporary model folder, removed on
	 * {@link #close()}) with the given prediction options. In an installed Fiji, whose engine runs in a Java process
	 * of its own ({@link Engines#ownProcess()}), the segmenter works through that engine, as the Fiji commands do
	 * (docs/scripting.md); else in this JVM.
	 */
	public static Segmenter load(String model, PredictionOptions options) throws IOException {
		Path path = Path.of(model);
		boolean folder = Files.isDirectory(path) && Files.isRegularFile(path.resolve(ModelInfo.FILE));
		if (!folder && !Files.exists(path)) throw new BadInputException(path, "not found");
		Path pack = folder ? null : path;
		// the in-process backend (and TensorFlow behind it) is loaded only when it is chosen
		return new Segmenter(Engines.ownProcess() ? EngineBackend.open(path, pack, options) : InProcessBackend.open(path,
			pack, options));
	}

	/** The number of classes, background included. */
	public int numClasses() {
		return backend.numClasses();
	}

	/** The class names, background first. */
	public List<String> classNames() {
		return backend.classNames();
	}

	/** Where the images are segmented, in words: this JVM, or the engine's Java process and its folder. */
	public String engine() {
		return backend.describe();
	}

	/** The label image of {@code image}: the same size, one class index per pixel (0 is background). */
	public Img<UnsignedByteType> segment(RandomAccessibleInterval<? extends RealType<?>> image) {
		return labels(backend.predict(volume(image), false).labels(), image);
	}

	/**
	 * The labels, the class probabilities as one image of size {@code (x, y[, z], class)} and the uncertainty (the
	 * entropy of the probabilities divided by {@code log K}, 0 certain to 1 undecided) of {@code image}.
	 */
	public Result segmentWithProbabilities(RandomAccessibleInterval<? extends RealType<?>> image) {
		Backend.Prediction s = backend.predict(volume(image), true);
		int n = s.labels().data().length, k = s.probabilities().size();
		float[] p = new float[n * k];
		for (int c = 0; c < k; c++)
			System.arraycopy(s.probabilities().get(c).data(), 0, p, c * n, n);
		long[] dims = new long[image.numDimensions() + 1];
		image.dimensions(dims);
		dims[dims.length - 1] = k;
		return new Result(labels(s.labels(), image), ArrayImgs.floats(p, dims), ArrayImgs.floats(s.uncertainty().data(),
			image.dimensionsAsLongArray()));
	}

	/**
	 * A scribble image of {@code width x height x depth} painted from ImageJ ROIs (for example
	 * {@code RoiManager.getInstance().getRoisAsArray()}): each ROI's class from its name ({@code "class 2"}) or
	 * group, in its slice; {@code unlabelledValue} elsewhere. The same rules as Plugins > Label-Efficient
	 * Segmentation > Scribbles from ROI Manager.
	 */
	public static Img<UnsignedByteType> scribbles(Roi[] rois, int width, int height, int depth, int unlabelledValue) {
		if (unlabelledValue < 0 || unlabelledValue > 255) throw new BadInputException(
			"the unlabelled value must be in 0..255 for an 8-bit scribble image, got " + unlabelledValue);
		Volume v = RoiScribbles.fromRois(Arrays.asList(rois), width, height, depth, unlabelledValue);
		byte[] b = new byte[v.data().length];
		for (int i = 0; i < b.length; i++)
			b[i] = (byte) v.data()[i];
		return depth == 1 ? ArrayImgs.unsignedBytes(b, width, height) : ArrayImgs.unsignedBytes(b, width, height,
			depth);
	}

	/** The pixels of a 2D or 3D image as a volume, x fastest. */
	static Volume volume(RandomAccessibleInterval<? extends RealType<?>> image) {
		int d = image.numDimensions();
		if (d < 2 || d > 3) throw new BadInputException("the image must be 2D (x, y) or 3D (x, y, z), got " + d
			+ " dimensions");
		long size = 1;
		for (int i = 0; i < d; i++)
			size *= image.dimension(i);
		if (size > Integer.MAX_VALUE) throw new BadInputException("the image has " + size
			+ " pixels, more than one segmentation holds");
		float[] data = new float[(int) size];
		Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
		for (int i = 0; i < data.length; i++)
			data[i] = c.next().getRealFloat();
		return new Volume(data, (int) image.dimension(0), (int) image.dimension(1), d == 3 ? (int) image.dimension(2)
			: 1);
	}

	private Img<UnsignedByteType> labels(Volume labels, RandomAccessibleInterval<?> image) {
		if (numClasses() > 256) throw new BadInputException("the model has " + numClasses()
			+ " classes, more than an 8-bit label image holds");
		byte[] b = new byte[labels.data().length];
		for (int i = 0; i < b.length; i++)
			b[i] = (byte) labels.data()[i];
		return ArrayImgs.unsignedBytes(b, image.dimensionsAsLongArray());
	}

	@Override
	public void close() throws IOException {
		backend.close();
	}
}
