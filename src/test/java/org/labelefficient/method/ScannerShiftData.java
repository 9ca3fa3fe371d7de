package org.labelefficient.method;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.labelefficient.demo.DemoDataset;
import org.labelefficient.demo.SyntheticCardiac;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;

/**
 * Synthetic cardiac volumes where unlabelled images should help: the labelled training cases as acquired on a clean
 * scanner, the unlabelled, validation and test cases on a noisier one (Gaussian noise of standard deviation
 * {@code noise}, against intensity steps of 0.1 between background and myocardium). A folder dataset
 * ({@code images/}, {@code labels/} for the labelled and validation cases, {@code val_patients.txt}) and a test
 * folder pair outside it.
 */
record ScannerShiftData(Path dataset, Path testImages, Path testLabels) {

	/**
	 * Writes {@code labelled} clean labelled cases, {@code unlabelled} noisy unlabelled ones, two noisy validation
	 * and four noisy test cases of {@code size} x {@code size} x 4 voxels under {@code root}.
	 */
	static ScannerShiftData write(Path root, int size, int labelled, int unlabelled, double noise) throws IOException {
		SyntheticCardiac generator = new SyntheticCardiac(size, 4, DemoDataset.UNLABELLED);
		ScannerShiftData d = new ScannerShiftData(root.resolve("dataset"), root.resolve("test/images"), root.resolve(
			"test/labels"));
		List<String> validation = new ArrayList<>();
		int train = labelled + unlabelled;
		for (int i = 0; i < train + 6; i++) {
			SyntheticCardiac.Case c = generator.generate(i);
			boolean isLabelled = i < labelled, isTrain = i < train, isTest = i >= train + 2;
			String name = isTrain ? "train" + i : isTest ? "test" + i : "val" + i;
			if (!isLabelled) addNoise(c.image(), noise, 100 + i);
			Path images = isTest ? d.testImages : d.dataset.resolve("images");
			Path labels = isTest ? d.testLabels : d.dataset.resolve("labels");
			VolumeIO.write(c.image(), images.resolve(name + ".nii.gz"), VoxelType.FLOAT32);
			if (isLabelled || !isTrain) VolumeIO.write(c.label(), labels.resolve(name + ".nii.gz"), VoxelType.UINT8);
			if (!isTrain && !isTest) validation.add(name);
		}
		Files.write(d.dataset.resolve("val_patients.txt"), validation);
		return d;
	}

	private static void addNoise(Volume image, double sigma, long seed) {
		Random r = new Random(seed);
		float[] v = image.data();
		for (int i = 0; i < v.length; i++)
			v[i] += (float) (sigma * r.nextGaussian());
	}
}
