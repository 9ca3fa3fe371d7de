package org.labelefficient.reliability;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.train.Requests;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingRunner;

/** Resident memory stays flat over a long training run with regular validation and saves (no native tensor leak). */
public class TrainingMemoryTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static double residentMb() throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/self/status")))
			if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
		return Double.NaN;
	}

	@Test
	public void residentMemoryIsFlatOverTheSecondHalfOfARun() throws Exception {
		TrainingFixture f = new TrainingFixture(tmp.getRoot().toPath());
		Map<Integer, Double> rss = new TreeMap<>();
		TrainingRequest request = Requests.of("dataset=" + f.data.dataset(), "method=pce", "output=" + tmp.getRoot()
			.toPath().resolve("model"), "iterations=900", "batch_size=2", "patch_size=32", "lr_step=1000",
			"weight_decay=0", "validation_interval=50", "base_channels=4", "log_interval=1000");
		TrainingRunner.run(request, new TrainingListener() {
			@Override
			public void iteration(Progress p) {
				if (p.iteration() % 300 == 0) try {
					System.gc();
					rss.put(p.iteration(), residentMb());
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}
		}, new TrainingControl());
		System.out.println("resident MB by iteration: " + rss);
		assertTrue("resident memory grew " + rss, rss.get(900) - rss.get(300) < 24);
	}
}
