package org.labelefficient.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.TiffEncoder;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * Images through ImageJ 1.x: reading every format ImageJ opens (TIFF, PNG, DICOM, JPEG, ...), conversion between
 * {@link ImagePlus} and {@link Volume}, and TIFF and PNG writing. Stack slices become z; the calibration's pixel
 * width, height and depth become the spacing. RGB images are converted to grey luminance
 * (0.299 R + 0.587 G + 0.114 B; grey pixels keep their value exactly); multi-channel images and hyperstacks with
 * both several slices and several frames are rejected. 8- and 16-bit images with a calibration function (such as
 * signed 16-bit DICOM) give calibrated values.
 */
public final class ImageJFormats {

	private static final Set<VoxelType> IMAGEJ_TYPES = Set.of(VoxelType.UINT8, VoxelType.UINT16, VoxelType.FLOAT32);

	private ImageJFormats() {}

	/**
	 * Reads an image or stack with ImageJ's opener.
	 *
	 * @throws BadInputException naming the file if it is missing, ImageJ cannot open it, it is damaged or
	 *         truncated (TIFF), or it has several channels
	 */
	public static Volume read(Path file) {
		if (!Files.isRegularFile(file)) throw new BadInputException(file, "not found");
		String ext = FileNames.extension(file);
		if (ext.equals(".tif") || ext.equals(".tiff")) TiffCheck.check(file);
		ImagePlus imp = open(file);
		if (imp == null)
			throw new BadInputException(file, "ImageJ cannot open this file (unknown format, or damaged)");
		try {
			return fromImagePlus(imp);
		} catch (BadInputException e) {
			throw new BadInputException(file, e.getMessage(), e);
		}
	}

	private static ImagePlus open(Path file) {
		boolean redirecting = IJ.redirectingErrorMessages();
		try {
			IJ.redirectErrorMessages(true);
			Opener opener = new Opener();
			opener.setSilentMode(true);
			return opener.openImage(file.toAbsolutePath().toString());
		} catch (RuntimeException e) {
			throw new BadInputException(file, "ImageJ cannot read this file: " + e, e);
		} catch (OutOfMemoryError e) {
			throw new BadInputException(file, "ImageJ cannot read this file: it declares an image too large for memory",
				e);
		} finally {
			IJ.redirectErrorMessages(redirecting);
		}
	}

	/**
	 * The voxels of an ImageJ image as a volume (a copy): slices (or frames) become z, the calibration gives the
	 * spacing, RGB becomes grey luminance.
	 *
	 * @throws BadInputException if the image has several channels, or several slices and several frames
	 */
	public static Volume fromImagePlus(ImagePlus imp) {
		if (imp.getNChannels() > 1) throw new BadInputException("image '" + imp.getTitle() + "' has "
			+ imp.getNChannels() + " channels; only single-channel images are supported (split the channels first)");
		if (imp.getNSlices() > 1 && imp.getNFrames() > 1) throw new BadInputException("image '" + imp.getTitle()
			+ "' has both " + imp.getNSlices() + " slices and " + imp.getNFrames() + " frames; only one of them "
			+ "can be the volume's depth");
		int width = imp.getWidth(), height = imp.getHeight(), depth = imp.getStackSize();
		float[] data = new float[Math.multiplyExact(Math.multiplyExact(width, height), depth)];
		float[] table = imp.getBitDepth() <= 16 && imp.getCalibration().calibrated()
			? imp.getCalibration().getCTable() : null;
		ImageStack stack = imp.getStack();
		for (int z = 0; z < depth; z++)
			copySlice(stack.getProcessor(z + 1), table, data, z * width * height);
		return new Volume(data, width, height, depth, spacing(imp.getCalibration()));
	}

	private static void copySlice(ImageProcessor ip, float[] table, float[] out, int offset) {
		Object pixels = ip.getPixels();
		int n = ip.getPixelCount();
		if (pixels instanceof byte[]) {
			byte[] p = (byte[]) pixels;
			for (int i = 0; i < n; i++) out[offset + i] = lookUp(table, p[i] & 0xff);
		} else if (pixels instanceof short[]) {
			short[] p = (short[]) pixels;
			for (int i = 0; i < n; i++) out[offset + i] = lookUp(table, p[i] & 0xffff);
		} else if (pixels instanceof float[]) {
			System.arraycopy(pixels, 0, out, offset, n);
		} else {
			int[] p = (int[]) pixels;
			for (int i = 0; i < n; i++) out[offset + i] = luminance(p[i]);
		}
	}

	private static float lookUp(float[] table, int raw) {
		return table == null || raw >= table.length ? raw : table[raw];
	}

	private static float luminance(int rgb) {
		int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
		if (r == g && g == b) return r;
		return (float) (0.299 * r + 0.587 * g + 0.114 * b);
	}

	private static double[] spacing(Calibration cal) {
		return new double[] { positive(cal.pixelWidth), positive(cal.pixelHeight), positive(cal.pixelDepth) };
	}

	private static double positive(double v) {
		return v > 0 && Double.isFinite(v) ? v : 1;
	}

	/**
	 * A new ImageJ image (a stack when the depth exceeds 1) holding the volume stored as UINT8, UINT16 or FLOAT32
	 * (rounded and clamped for the integer types). The calibration carries the spacing, in mm unless it is 1, 1, 1.
	 *
	 * @throws BadInputException for the other voxel types, which ImageJ images cannot hold
	 */
	public static ImagePlus toImagePlus(Volume volume, String title, VoxelType type) {
		if (!IMAGEJ_TYPES.contains(type)) throw new BadInputException("ImageJ images hold UINT8, UINT16 or "
			+ "FLOAT32 voxels, not " + type);
		int w = volume.width(), h = volume.height(), n = volume.sliceSize();
		ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < volume.depth(); z++)
			stack.addSlice(null, processor(volume.data(), z * n, w, h, type));
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, volume.depth(), 1);
		imp.setCalibration(calibration(volume.spacing()));
		if (type != VoxelType.UINT8) setDisplayRange(imp, volume.data());
		return imp;
	}

	private static ImageProcessor processor(float[] data, int offset, int w, int h, VoxelType type) {
		int n = w * h;
		switch (type) {
			case UINT8: {
				byte[] p = new byte[n];
				for (int i = 0; i < n; i++) p[i] = (byte) (int) type.fit(data[offset + i]);
				return new ByteProcessor(w, h, p);
			}
			case UINT16: {
				short[] p = new short[n];
				for (int i = 0; i < n; i++) p[i] = (short) (int) type.fit(data[offset + i]);
				return new ShortProcessor(w, h, p, null);
			}
			default: {
				float[] p = new float[n];
				System.arraycopy(data, offset, p, 0, n);
				return new FloatProcessor(w, h, p);
			}
		}
	}

	private static Calibration calibration(double[] spacing) {
		Calibration cal = new Calibration();
		cal.pixelWidth = spacing[0];
		cal.pixelHeight = spacing[1];
		cal.pixelDepth = spacing[2];
		if (spacing[0] != 1 || spacing[1] != 1 || spacing[2] != 1) cal.setUnit("mm");
		return cal;
	}

	private static void setDisplayRange(ImagePlus imp, float[] data) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (float v : data)
			if (Float.isFinite(v)) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		if (min <= max) imp.setDisplayRange(min, max);
	}

	/**
	 * Writes a volume as an ImageJ TIFF (a stack when the depth exceeds 1) with its spacing, atomically.
	 *
	 * @throws BadInputException naming the file for types other than UINT8, UINT16 and FLOAT32, or if it cannot
	 *         be written
	 */
	public static void writeTiff(Volume volume, Path file, VoxelType type) {
		if (!IMAGEJ_TYPES.contains(type)) throw new BadInputException(file, "TIFF files are written as UINT8, "
			+ "UINT16 or FLOAT32, not " + type);
		ImagePlus imp = toImagePlus(volume, FileNames.baseName(file), type);
		FileInfo info = imp.getFileInfo();
		info.description = new FileSaver(imp).getDescriptionString();
		AtomicFiles.write(file, out -> new TiffEncoder(info).write(out));
	}

	/**
	 * Writes a 2D image as a greyscale PNG (8 or 16 bits), atomically. PNG keeps no spacing.
	 *
	 * @throws BadInputException naming the file for a volume of depth above 1, types other than UINT8 and UINT16,
	 *         or if it cannot be written
	 */
	public static void writePng(Volume volume, Path file, VoxelType type) {
		if (volume.depth() != 1) throw new BadInputException(file, "a PNG file holds one 2D image; the volume has "
			+ volume.depth() + " slices (use .tif or .nii.gz)");
		if (type != VoxelType.UINT8 && type != VoxelType.UINT16)
			throw new BadInputException(file, "PNG files are written as UINT8 or UINT16, not " + type);
		BufferedImage image = new BufferedImage(volume.width(), volume.height(),
			type == VoxelType.UINT8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY);
		WritableRaster raster = image.getRaster();
		int[] samples = new int[volume.sliceSize()];
		for (int i = 0; i < samples.length; i++) samples[i] = (int) type.fit(volume.data()[i]);
		raster.setSamples(0, 0, volume.width(), volume.height(), 0, samples);
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
		});
	}
}
