package org.labelefficient.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.BadInputException;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.ParameterSet.Init;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/** Loading chosen variable sets by name from a training checkpoint into another graph. */
public class CheckpointLoadTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void setsAreLoadedByVariableNameAndTheRestIsLeftAlone() throws Exception {
		Path dir = tmp.getRoot().toPath().resolve("checkpoint");
		try (Graph g = new Graph(); Session s = new Session(g)) {
			ParameterSet a = set(Ops.create(g), "a");
			ParameterSet other = set(Ops.create(g), "other");
			a.write(s, Map.of("w", new float[] { 1, 2 }, "n", new float[] { 7 }));
			other.write(s, Map.of("w", new float[] { 3, 4 }, "n", new float[] { 8 }));
			Checkpoint.save(s, new Checkpoint.State(), dir);
		}
		try (Graph g = new Graph(); Session s = new Session(g)) {
			ParameterSet a = set(Ops.create(g), "a");
			ParameterSet fresh = set(Ops.create(g), "fresh");
			ParameterSet b = new ParameterSet(Ops.create(g), "b");
			b.state("w", Init.ZEROS, 2);
			fresh.write(s, Map.of("w", new float[] { 5, 6 }, "n", new float[] { 9 }));
			a.initialize(s, 1);
			Checkpoint.load(s, dir, List.of(a));
			assertArrayEquals(new float[] { 1, 2 }, a.read(s).get("w"), 0);
			assertArrayEquals(new float[] { 7 }, a.read(s).get("n"), 0);
			assertArrayEquals(new float[] { 5, 6 }, fresh.read(s).get("w"), 0);
			assertThrows(BadInputException.class, () -> Checkpoint.load(s, dir, List.of(b)));
		}
	}

	private static ParameterSet set(Ops tf, String prefix) {
		ParameterSet p = new ParameterSet(tf, prefix);
		p.trainable("w", Init.HE_NORMAL, 2, 2);
		p.state("n", Init.ZEROS);
		return p;
	}
}
