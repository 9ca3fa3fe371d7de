import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelefficient.bridge.ChildJvmEngine;
import org.labelefficient.bridge.Engine;
import org.labelefficient.demo.DemoDataset;
import org.labelefficient.ij1.EngineMain;
import org.labelefficient.ij1.Engines;

/**
 * What the engine in a process of its own costs against the engine in ImageJ's JVM (issue 16): the wall time of
 * `info` and of `predict` (two 64x64x2 images) through each, three times, and the resident memory of this JVM (the
 * stand-in for ImageJ's) after each kind. Run from the repository root after bin/install-fiji into FOLDER:
 *   java -cp "target/classes:target/lib/*" bench/EngineStartup.java FOLDER/label-efficient/engine
 */
public class EngineStartup {
	public static void main(String[] args) throws Exception {
		Path root = Files.createTempDirectory("engine-startup");
		DemoDataset.Layout data = new DemoDataset(64, 2).write(root.resolve("data"), 4, 1, 2);
		Path model = root.resolve("model");
		Engine child = new ChildJvmEngine(Path.of(args[0]), EngineMain.class.getName()), here = Engines.inProcess();
		System.out.printf("this JVM before any engine: RSS %d MB%n", rssMb());
		check(child.run("train", "dataset=[" + data.dataset() + "] method=pce output=[" + model
			+ "] iterations=5 batch_size=2 patch_size=64 validation_interval=5", false, l -> {}, System.err::println));
		System.out.printf("after a training in a child JVM: RSS %d MB%n", rssMb());
		for (String name : List.of("child", "in-process")) {
			Engine e = name.equals("child") ? child : here;
			List<String> times = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				times.add(time(e, "info", "model=[" + model + "]"));
				times.add(time(e, "predict", "model=[" + model + "] input=[" + data.testImages() + "] output=[" + root
					.resolve("pred-" + name + i) + "]"));
			}
			System.out.printf("%s: info, predict (s), three times: %s; this JVM's RSS after: %d MB%n", name, times,
				rssMb());
		}
	}

	private static String time(Engine e, String command, String options) throws Exception {
		long t = System.nanoTime();
		check(e.run(command, options, false, l -> {}, System.err::println));
		return String.format("%.2f", (System.nanoTime() - t) / 1e9);
	}

	private static void check(int status) {
		if (status != 0) throw new IllegalStateException("status " + status);
	}

	private static long rssMb() throws Exception {
		for (String l : Files.readAllLines(Path.of("/proc/self/status")))
			if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
		return -1;
	}
}
