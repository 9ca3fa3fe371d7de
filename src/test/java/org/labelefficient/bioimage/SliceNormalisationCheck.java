package org.labelefficient.bioimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.labelefficient.infer.ModelPredictor;
import org.labelefficient.infer.PredictionOptions;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;

/**
 * A measurement, not a test (BENCHMARKS.md, bioimage.io): how much the labels of the ACDC test volumes change when each
 * slice is normalised on its own, as a tool running the exported package slice by slice does, instead of the whole
 * volume, as {@code predict} does. Arguments: a model folder trained on ACDC, the ACDC dataset folder.
 */
public final class SliceNormalisationCheck {

	private SliceNormalisationCheck() {}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args[1]);
		long differing = 0, total = 0;
		double volumeDice = 0, sliceDice = 0;
		int n = 0;
		try (ModelPredictor p = ModelPredictor.open(Path.of(args[0]), PredictionOptions.defaults())) {
			for (String id : Files.readAllLines(root.resolve("test_patients.txt"))) {
				if (id.isBlank()) continue;
				List<Path> files;
				try (Stream<Path> all = Files.list(root.resolve("volumes"))) {
					files = all.filter(f -> f.getFileName().toString().startsWith(id.trim() + "_")).sorted().toList();
				}
				for (Path f : files) {
					Volume image = VolumeIO.readHdf5(f, "image"), label = VolumeIO.readHdf5(f, "label");
					float[] whole = p.segment(image, f.toString()).labels().data();
					float[] slices = new float[whole.length];
					for (int z = 0; z < image.depth(); z++)
						System.arraycopy(p.segment(image.slice(z), f.toString()).labels().data(), 0, slices, z * image
							.sliceSize(), image.sliceSize());
					for (int i = 0; i < whole.length; i++)
						if (whole[i] != slices[i]) differing++;
					total += whole.length;
					volumeDice += meanDice(whole, label.data());
					sliceDice += meanDice(slices, label.data());
					n++;
				}
			}
		}
		System.out.printf("volumes %d, voxels differing %d of %d (%.4f%%), mean foreground Dice: volume-normalised "
			+ "%.4f, slice-normalised %.4f%n", n, differing, total, 100.0 * differing / total, volumeDice / n, sliceDice
				/ n);
	}

	private static double meanDice(float[] predicted, float[] label) {
		double sum = 0;
		int classes = 0;
		for (int c = 1; c <= 3; c++) {
			long both = 0, p = 0, l = 0;
			for (int i = 0; i < predicted.length; i++) {
				if (predicted[i] == c && label[i] == c) both++;
				if (predicted[i] == c) p++;
				if (label[i] == c) l++;
			}
			if (p + l == 0) continue;
			sum += 2.0 * both / (p + l);
			classes++;
		}
		return sum / classes;
	}
}
