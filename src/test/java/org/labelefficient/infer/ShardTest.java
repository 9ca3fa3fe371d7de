package org.labelefficient.infer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.cli.Main;
import org.labelefficient.io.BadInputException;

/** {@code shard=i/n}: the parts of a job array cover every file exactly once, balanced by size; bad values refused. */
public class ShardTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void shardsCoverEveryFileExactlyOnceBalancedBySize() throws Exception {
		Random random = new Random(3);
		List<Path> files = new ArrayList<>();
		long largest = 0;
		for (int i = 0; i < 23; i++) {
			Path f = tmp.getRoot().toPath().resolve(String.format("case%02d.nii.gz", i));
			byte[] bytes = new byte[1 + random.nextInt(5000)];
			Files.write(f, bytes);
			largest = Math.max(largest, bytes.length);
			files.add(f);
		}
		for (int n = 1; n <= 30; n += 4) {
			Set<Path> seen = new HashSet<>();
			long min = Long.MAX_VALUE, max = 0;
			for (int i = 0; i < n; i++) {
				List<Path> part = Shard.parse(i + "/" + n).select(files);
				assertEquals("deterministic", part, new Shard(i, n).select(new ArrayList<>(files)));
				long size = 0;
				for (Path p : part) {
					assertTrue(n + ": " + p + " in two shards", seen.add(p));
					size += Files.size(p);
				}
				min = Math.min(min, size);
				max = Math.max(max, size);
			}
			assertEquals(new HashSet<>(files), seen);
			if (n <= files.size()) assertTrue(n + ": parts of " + min + " to " + max + " bytes", max - min <= largest);
		}
	}

	@Test
	public void badValuesAreRefusedInOneSentence() {
		for (String bad : List.of("3/2", "2/2", "x", "1/0", "-1/2", "1", "0/2/3", "", "99999999999/2")) {
			try {
				Shard.parse(bad);
				fail(bad + " accepted");
			}
			catch (BadInputException e) {
				assertTrue(e.getMessage(), e.getMessage().startsWith("shard must be i/n with n at least 1 and i from 0 to "
					+ "n-1 (task i of a job array of n), got "));
				assertEquals(1, e.getMessage().lines().count());
			}
		}
		assertEquals(new Shard(1, 3), Shard.parse(" 1/3 "));
		assertEquals(Shard.ALL, Shard.parse(Shard.SETTING.defaultValue()));
	}

	@Test
	public void predictRefusesABadShardBeforeReadingAnything() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Path missing = tmp.getRoot().toPath().resolve("missing");
		int status = Main.run(new String[] { "predict", "model=" + missing, "input=" + missing, "output=" + missing,
			"shard=3/2" }, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
				StandardCharsets.UTF_8));
		assertEquals(2, status);
		assertEquals("Error: shard must be i/n with n at least 1 and i from 0 to n-1 (task i of a job array of n), got 3/2",
			err.toString(StandardCharsets.UTF_8).trim());
	}
}
