package org.labelefficient.cli;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code evaluate} on the files of {@code test-data/evaluation} writes exactly the golden CSV (see its README). */
public class EvaluateGoldenTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void evaluationMatchesTheGoldenCsv() throws Exception {
		Path data = Path.of("test-data", "evaluation");
		Path csv = tmp.getRoot().toPath().resolve("metrics.csv");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = Main.run(new String[] { "evaluate", "prediction=" + data.resolve("prediction"), "reference=" + data
			.resolve("reference"), "output=" + csv }, new PrintStream(new ByteArrayOutputStream(), true,
				StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(err.toString(StandardCharsets.UTF_8), 0, status);
		assertEquals(Files.readString(data.resolve("expected-metrics.csv")), Files.readString(csv));
	}
}
