package org.labelefficient.io;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * The formats ImageJ 1.x reads and writes (TIFF, PNG, DICOM, JPEG, ...), and conversion between {@link ImagePlus}
 * and {@link Volume}: stack slices become z, the calibration becomes the spacing. Grey-level images only (8, 16 or
 * 32 bit, one channel, one time point).
 */
public final class ImageJFormats {

	private ImageJFormats() {}

	/** Reads an image file with ImageJ. */
	public static Volume read(Path file) {
		ImagePlus imp;
		try {
			imp = IJ.openImage(file.toString());
		}
		catch (RuntimeException e) {
			throw new BadInputException(file, "cannot be read as an image (" + e.getMessage() + ")", e);
		}
		if (imp == null) throw new BadInputException(file, "cannot be read as an image (unsupported or corrupt file)");
		return fromImagePlus(imp, file.toString());
	}

	/**
	 * The voxels of a grey-level image or stack.
	 *
	 * @param source the file or image title named in errors
	 */
	public static Volume fromImagePlus(ImagePlus imp, String source) {
		if (imp.getType() == ImagePlus.COLOR_RGB || imp.getType() == ImagePlus.COLOR_256) throw new BadInputException(
			source + ": is a colour image; convert it to 8-bit, 16-bit or 32-bit grey first");
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1) throw new BadInputException(source + ": has "
			+ imp.getNChannels() + " channels and " + imp.getNFrames()
			+ " time points; only single-channel 2D images and 3D stacks are supported");
		int w = imp.getWidth(), h = imp.getHeight(), d = imp.getStackSize();
		float[] data = new float[Math.multiplyExact(Math.multiplyExact(w, h), d)];
		ImageStack stack = imp.getStack();
		for (int z = 0; z < d; z++) {
			ImageProcessor ip = stack.getProcessor(z + 1);
			for (int i = 0; i < w * h; i++)
				data[z * w * h + i] = ip.getf(i);
		}
		Calibration c = imp.getCalibration();
		return new Volume(data, w, h, d, new double[] { positive(c.pixelWidth), positive(c.pixelHeight), positive(
			c.pixelDepth) });
	}

	/** An image of {@code volume} with pixel type UINT8, UINT16 or FLOAT32 (integer types round and clamp). */
	public static ImagePlus toImagePlus(Volume volume, String title, VoxelType type) {
		int w = volume.width(), h = volume.height(), n = volume.sliceSize();
		ImageStack stack = new ImageStack(w, h);
		float[] d = volume.data();
		for (int z = 0; z < volume.depth(); z++) {
			ImageProcessor ip = switch (type) {
				case UINT8 -> new ByteProcessor(w, h);
				case UINT16 -> new ShortProcessor(w, h);
				case FLOAT32 -> new FloatProcessor(w, h);
				default -> throw new BadInputException(title + ": ImageJ images hold 8-bit, 16-bit or 32-bit pixels, "
					+ "not " + type);
			};
			for (int i = 0; i < n; i++) {
				float v = d[z * n + i];
				ip.setf(i, type == VoxelType.FLOAT32 ? v : NiftiWriter.clamp(v, 0, type == VoxelType.UINT8 ? 255 : 65535));
			}
			stack.addSlice(ip);
		}
		ImagePlus imp = new ImagePlus(title, stack);
		Calibration c = imp.getCalibration();
		double[] s = volume.spacing();
		c.pixelWidth = s[0];
		c.pixelHeight = s[1];
		c.pixelDepth = s[2];
		return imp;
	}

	/** Writes a TIFF (a stack when the volume has several slices). */
	public static void writeTiff(Volume volume, Path file, VoxelType type) {
		ImagePlus imp = toImagePlus(volume, file.getFileName().toString(), type);
		FileSaver saver = new FileSaver(imp);
		boolean ok = volume.depth() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString());
		if (!ok) throw new BadInputException(file, "could not be written as TIFF");
	}

	/** Writes a 2D PNG (8 or 16 bit). */
	public static void writePng(Volume volume, Path file, VoxelType type) {
		if (volume.depth() != 1) throw new BadInputException(file, "PNG holds 2D images only; this volume has "
			+ volume.depth() + " slices (use .tif or .nii.gz)");
		if (type != VoxelType.UINT8 && type != VoxelType.UINT16) throw new BadInputException(file,
			"PNG holds 8-bit or 16-bit pixels, not " + type);
		if (!new FileSaver(toImagePlus(volume, file.getFileName().toString(), type)).saveAsPng(file.toString()))
			throw new BadInputException(file, "could not be written as PNG");
	}

	private static double positive(double s) {
		return s > 0 && Double.isFinite(s) ? s : 1;
	}
}
