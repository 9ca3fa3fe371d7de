import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;
import org.labelefficient.scribble.ScribbleGenerator;

/**
 * Builds a folder dataset from ACDC in which the training patients carry synthetic scribbles generated from their
 * dense labels (default generator settings, seed 1, unlabelled value 4) instead of the real ones, and the validation
 * patients their dense labels: java -cp "target/classes:target/lib/*" bench/SyntheticScribbles.java ACDC OUT
 */
public class SyntheticScribbles {

	public static void main(String[] args) throws IOException {
		Path acdc = Path.of(args[0]), out = Path.of(args[1]);
		ScribbleGenerator generator = new ScribbleGenerator(ScribbleGenerator.Settings.defaults(1));
		long scribbled = 0, pixels = 0;
		List<String> train = new ArrayList<>(), validation = new ArrayList<>();
		for (String patient : Files.readAllLines(acdc.resolve("train_patients.txt"))) {
			for (Path f : volumes(acdc, patient)) {
				String name = caseName(f);
				Volume scribbles = generator.generate(VolumeIO.readHdf5(f, "label"), 4);
				for (float v : scribbles.data()) scribbled += v != 4 ? 1 : 0;
				pixels += scribbles.data().length;
				write(VolumeIO.readHdf5(f, "image"), out.resolve("images"), name, VoxelType.FLOAT32);
				write(scribbles, out.resolve("scribbles"), name, VoxelType.UINT8);
				train.add(name);
			}
		}
		for (String patient : Files.readAllLines(acdc.resolve("val_patients.txt"))) {
			for (Path f : volumes(acdc, patient)) {
				String name = caseName(f);
				write(VolumeIO.readHdf5(f, "image"), out.resolve("images"), name, VoxelType.FLOAT32);
				write(VolumeIO.readHdf5(f, "label"), out.resolve("labels"), name, VoxelType.UINT8);
				validation.add(name);
			}
		}
		Files.write(out.resolve("train_patients.txt"), train);
		Files.write(out.resolve("val_patients.txt"), validation);
		System.out.printf("%d training volumes with synthetic scribbles (%.2f%% of pixels), %d validation volumes in %s%n",
			train.size(), 100.0 * scribbled / pixels, validation.size(), out);
	}

	private static List<Path> volumes(Path acdc, String patient) throws IOException {
		if (patient.isBlank()) return List.of();
		try (var files = Files.list(acdc.resolve("volumes"))) {
			return files.filter(f -> f.getFileName().toString().startsWith(patient.trim() + "_")).sorted().toList();
		}
	}

	private static String caseName(Path h5) {
		return h5.getFileName().toString().replace(".h5", "");
	}

	private static void write(Volume v, Path folder, String name, VoxelType type) throws IOException {
		VolumeIO.write(v, Files.createDirectories(folder).resolve(name + ".nii.gz"), type);
	}
}
