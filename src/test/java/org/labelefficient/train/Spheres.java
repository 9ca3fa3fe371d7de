package org.labelefficient.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;

/**
 * Generated 3D data for volumetric tests: noisy volumes with a bright ball (class 1) at a random place, written as a
 * folder dataset ({@code images/}, {@code labels/}, {@code scribbles/} of the labelled training cases, patient lists)
 * with unlabelled cases beside the labelled ones.
 */
public final class Spheres {

	private Spheres() {}

	/** The image and label of case {@code seed}: {@code size}^3 voxels. */
	public static Volume[] volume(int size, long seed) {
		Random r = new Random(seed);
		double radius = size * (0.18 + 0.1 * r.nextDouble());
		double[] c = new double[3];
		for (int a = 0; a < 3; a++)
			c[a] = radius + 1 + r.nextDouble() * (size - 2 * radius - 2);
		float[] image = new float[size * size * size], label = new float[image.length];
		for (int z = 0, i = 0; z < size; z++)
			for (int y = 0; y < size; y++)
				for (int x = 0; x < size; x++, i++) {
					double d = Math.sqrt(Math.pow(z - c[0], 2) + Math.pow(y - c[1], 2) + Math.pow(x - c[2], 2));
					label[i] = d <= radius ? 1 : 0;
					image[i] = (float) (100 + 60 * label[i] + 25 * r.nextGaussian());
				}
		return new Volume[] { new Volume(image, size, size, size), new Volume(label, size, size, size) };
	}

	/** The scribble value of unannotated voxels in {@link #scribbles}. */
	public static final int UNLABELLED = 255;

	/**
	 * Scribbles of a label volume: on the middle slice of the ball, a line of class 1 through its centre row and a
	 * line of class 0 along the volume's first row; {@link #UNLABELLED} elsewhere.
	 */
	public static Volume scribbles(Volume label) {
		int w = label.width(), h = label.height(), d = label.depth();
		float[] out = new float[label.data().length];
		java.util.Arrays.fill(out, UNLABELLED);
		long sz = 0, sy = 0, n = 0;
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					if (label.get(x, y, z) == 1) {
						sz += z;
						sy += y;
						n++;
					}
		int cz = (int) (sz / n), cy = (int) (sy / n);
		for (int x = 0; x < w; x++) {
			int i = (cz * h + cy) * w + x;
			if (label.data()[i] == 1) out[i] = 1;
			out[cz * h * w + x] = 0;
		}
		return new Volume(out, w, h, d);
	}

	/**
	 * Writes {@code labelled} labelled training cases, {@code unlabelled} unlabelled ones and {@code validation}
	 * labelled validation cases into {@code root}; returns {@code root}.
	 */
	public static Path dataset(Path root, int size, int labelled, int unlabelled, int validation) throws IOException {
		Files.createDirectories(root.resolve("images"));
		Files.createDirectories(root.resolve("labels"));
		Files.createDirectories(root.resolve("scribbles"));
		StringBuilder train = new StringBuilder(), val = new StringBuilder();
		int n = labelled + unlabelled + validation;
		for (int i = 0; i < n; i++) {
			String name = String.format("case%02d", i);
			Volume[] v = volume(size, 100 + i);
			VolumeIO.write(v[0], root.resolve("images/" + name + ".nii.gz"), VoxelType.FLOAT32);
			boolean isLabelled = i < labelled || i >= labelled + unlabelled;
			if (isLabelled) VolumeIO.write(v[1], root.resolve("labels/" + name + ".nii.gz"), VoxelType.UINT8);
			if (i < labelled) VolumeIO.write(scribbles(v[1]), root.resolve("scribbles/" + name + ".nii.gz"),
				VoxelType.UINT8);
			(i >= labelled + unlabelled ? val : train).append(name).append('\n');
		}
		Files.writeString(root.resolve("train_patients.txt"), train);
		Files.writeString(root.resolve("val_patients.txt"), val);
		return root;
	}
}
