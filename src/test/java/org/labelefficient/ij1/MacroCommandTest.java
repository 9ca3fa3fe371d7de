package org.labelefficient.ij1;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.labelefficient.io.Volume;
import org.labelefficient.io.VolumeIO;
import org.labelefficient.io.VoxelType;

import ij.Macro;

/** Runs the ImageJ 1.x door the way {@code run("LES Evaluate", options)} does: headless, options from the macro. */
public class MacroCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/**
	 * Runs {@code command} on a thread named like ImageJ's macro threads, with {@code options}; returns what it threw
	 * (null when nothing).
	 */
	private static Throwable runAsMacro(String command, String options) throws Exception {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread t = new Thread(() -> {
			try {
				Macro.setOptions(options);
				new MacroCommand().run(command);
			}
			catch (Throwable e) {
				failure.set(e);
			}
			finally {
				Macro.setOptions(null);
			}
		}, "Run$_test");
		t.start();
		t.join(60_000);
		return failure.get();
	}

	@Test
	public void evaluateRunsFromMacroOptionsWithBracketedPaths() throws Exception {
		Path dir = tmp.newFolder("with space").toPath();
		Volume v = Volume.zeros(6, 6, 1, new double[] { 1, 1, 1 });
		v.set(2, 2, 0, 1);
		VolumeIO.write(v, dir.resolve("a.tif"), VoxelType.UINT8);
		Path csv = dir.resolve("out.csv");
		assertNull(runAsMacro("evaluate", "prediction=[" + dir.resolve("a.tif") + "] reference=[" + dir.resolve(
			"a.tif") + "] output=[" + csv + "]"));
		List<String> lines = Files.readAllLines(csv);
		assertEquals("case,class,dice,jaccard,hd95,asd,assd", lines.get(0));
		assertTrue(lines.get(1).startsWith("a,1,1.000000"));
	}

	@Test
	public void exportAndImportRunFromMacroOptions() throws Exception {
		org.labelefficient.bioimage.TinyModel tiny = org.labelefficient.bioimage.TinyModel.shared();
		Path dir = tmp.newFolder("with space").toPath();
		Path pack = dir.resolve("m.zip"), back = dir.resolve("back");
		assertNull(runAsMacro("export", "model=[" + tiny.model + "] output=[" + pack + "] license=MIT"));
		assertTrue(Files.isRegularFile(pack));
		assertNull(runAsMacro("import", "input=[" + pack + "] output=[" + back + "]"));
		assertTrue(Files.isRegularFile(back.resolve("best/saved_model.pb")));
	}

	@Test
	public void badOptionsAreLoggedWithoutThrowingOrWriting() throws Exception {
		Path csv = tmp.getRoot().toPath().resolve("never.csv");
		assertNull(runAsMacro("evaluate", "prediction=/no/such reference=/no/such output=[" + csv + "]"));
		assertFalse(Files.exists(csv));
	}

	@Test
	public void theRecordedCallRunsTheSameCommandAgain() throws Exception {
		Path dir = tmp.newFolder("recorded \"run\"").toPath();
		Volume v = Volume.zeros(6, 6, 1, new double[] { 1, 1, 1 });
		v.set(2, 2, 0, 1);
		VolumeIO.write(v, dir.resolve("a.tif"), VoxelType.UINT8);
		Path csv = dir.resolve("metrics.csv");
		String typed = "prediction=[" + dir.resolve("a.tif") + "] reference=[" + dir.resolve("a.tif") + "] output=["
			+ csv + "]";
		String call = MacroCommand.recordedCall("LES Evaluate", typed);
		Matcher m = Pattern.compile("run\\(\"LES Evaluate\", \"(.*)\"\\);\n").matcher(call);
		assertTrue(call, m.matches());
		String replayed = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
		assertEquals(typed, replayed);
		assertNull(runAsMacro("evaluate", replayed));
		assertTrue(Files.readAllLines(csv).get(1).startsWith("a,1,1.000000"));
	}
}
