package org.labelefficient.train;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;
import org.labelefficient.scribble.ScribbleGenerator;

/**
 * A 3D U-Net trained with {@code pce} on scribbles that the generator drew in its {@code volume} mode (strokes on
 * planes in all three directions) segments generated balls well: the 3D scribble path from labels to a model.
 */
public class GeneratedScribbles3DTrainingTest {

	@Rule
	public final TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void pceOnVolumeModeScribblesReachesAGoodDice() throws Exception {
		Path root = tmp.getRoot().toPath().resolve("balls");
		for (String d : new String[] { "images", "labels", "scribbles" })
			Files.createDirectories(root.resolve(d));
		ScribbleGenerator generator = new ScribbleGenerator(ScribbleGenerator.Settings.defaults(1).withMode(
			ScribbleGenerator.VOLUME));
		StringBuilder train = new StringBuilder();
		double scribbled = 0;
		for (int i = 0; i < 5; i++) {
			String name = String.format("case%02d", i);
			Volume[] v = Spheres.volume(24, 200 + i);
			Volume s = generator.generate(v[1], Spheres.UNLABELLED);
			for (float f : s.data())
				if (f != Spheres.UNLABELLED) scribbled++;
			VolumeIO.write(v[0], root.resolve("images/" + name + ".nii.gz"), VoxelType.FLOAT32);
			VolumeIO.write(v[1], root.resolve("labels/" + name + ".nii.gz"), VoxelType.UINT8);
			if (i < 4) {
				VolumeIO.write(s, root.resolve("scribbles/" + name + ".nii.gz"), VoxelType.UINT8);
				train.append(name).append('\n');
			}
		}
		Files.writeString(root.resolve("train_patients.txt"), train);
		Files.writeString(root.resolve("val_patients.txt"), "case04\n");
		TrainingResult r = TrainingRunner.run(Requests.of("dataset=" + root, "method=pce", "output=" + tmp.getRoot()
			.toPath().resolve("pce3d"), "dimensions=3", "iterations=150", "batch_size=2", "patch_size=16",
			"validation_interval=30", "base_channels=4", "learning_rate=0.01", "log_interval=1000"),
			new TrainingListener() {}, new TrainingControl());
		System.out.printf("3D pce on volume-mode scribbles (%.2f%% of the voxels): best validation Dice %.4f in %.1f s%n",
			100 * scribbled / (5 * 24 * 24 * 24), r.bestDice(), r.seconds());
		assertEquals(150, r.iterationsDone());
		assertTrue("validation Dice " + r.bestDice(), r.bestDice() > 0.8);
	}
}
