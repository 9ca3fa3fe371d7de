package org.labelefficient.reliability;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.labelefficient.cli.Main;
import org.labelefficient.request.Options;

/**
 * Every method's settings are range-checked before any data is read (issue 17): each wrong value is refused with one
 * sentence naming the key, the value and what is allowed. The dataset named here does not exist, so a message about
 * the setting (rather than the missing folder) shows that the check ran first.
 */
public class SettingRangesTest {

	private static final String NO_DATA = "dataset=/no/such/dataset";

	/** The error line of a command-line training with {@code words}; the exit status must be 2 (bad input). */
	private static String refused(String... words) {
		List<String> args = new ArrayList<>(List.of("train", NO_DATA, "output=/no/such/model"));
		args.addAll(List.of(words));
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = Main.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
			StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String message = err.toString(StandardCharsets.UTF_8).trim();
		assertEquals(message, 2, status);
		return message;
	}

	@Test
	public void theStepScheduleNamesItsOwnKey() {
		assertEquals("Error: lr_step must be a positive integer, got 0", refused("method=pce", "lr_schedule=step",
			"lr_step=0"));
	}

	@Test
	public void aNegativeDistillationWeightIsRefused() {
		assertEquals("Error: kd_weight must be a number of at least 0, got -5", refused("method=scribsd",
			"kd_weight=-5"));
	}

	@Test
	public void aFractionalEmbeddingSizeIsRefusedNotTruncated() {
		assertEquals("Error: embedding_dim must be a positive integer, got 2.7", refused("method=scribsd",
			"embedding_dim=2.7"));
	}

	@Test
	public void reciprocalPretrainingMustLeaveTheStudentIterations() {
		assertEquals("Error: pretrain must be a number in [0, 1), got 1.5", refused("method=reciprocal",
			"pretrain=1.5"));
		assertEquals("Error: pretrain must be a number in [0, 1), got 1", refused("method=reciprocal", "pretrain=1"));
		assertEquals("Error: pretrain must be a number in [0, 1), got -0.1", refused("method=reciprocal",
			"pretrain=-0.1"));
	}

	@Test
	public void anEmaDecayOfOneOrMoreIsRefused() {
		assertEquals("Error: ema_decay must be a number in [0, 1), got 1.5", refused("method=mean-teacher",
			"ema_decay=1.5"));
		assertEquals("Error: ema_decay must be a number in [0, 1), got 1", refused("method=scribsd", "ema_decay=1"));
	}

	@Test
	public void theLoopAndRequestSettingsAreCheckedToo() {
		assertEquals("Error: momentum must be a number in [0, 1), got 1", refused("method=pce", "momentum=1"));
		assertEquals("Error: num_classes must be an integer in [0, 127], not 1, got 1", refused("method=pce",
			"num_classes=1"));
		assertEquals("Error: labelled_patients must be an integer of at least -1, not 0, got 0", refused(
			"method=action", "labelled_patients=0"));
		assertEquals("Error: representation_stride must be one of 1, 2, 4, 8, got 3", refused("method=action",
			"representation_stride=3"));
	}

	@Test
	public void settingsThatMustAgreeAreCheckedBeforeTheDataToo() {
		assertEquals("Error: With stages=all the stage fractions must add up to 1 (they share the iterations), got 0.5 "
			+ "+ 0.25 + 0.5 = 1.25", refused("method=action", "stage_i_fraction=0.5"));
		assertEquals("Error: memory_size (3) must be at least the batch size (8)", refused("method=action",
			"memory_size=3"));
		assertEquals("Error: stages=ii continues from the model of stage i; give it as init_model=<model folder>",
			refused("method=action", "stages=ii"));
	}

	@Test
	public void theMacroDoorGivesTheSameSentence() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = Main.run("train", Options.fromMacro("train", NO_DATA
			+ " output=[/no/such model] method=reciprocal pretrain=1.5"), new PrintStream(new ByteArrayOutputStream(),
				true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(2, status);
		assertEquals(refused("method=reciprocal", "pretrain=1.5"), err.toString(StandardCharsets.UTF_8).trim());
	}
}
