package org.labelefficient.setting;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.labelefficient.io.BadInputException;

/** A declaration parses its text, checks its range and says in one sentence what it allows. */
public class SettingTest {

	private static final Setting<String> OPTIMIZER = Setting.choice("optimizer", "adam", "optimiser", List.of("adam",
		"sgd"));
	private static final Setting<Double> RATE = Setting.number("learning_rate", 1e-3, "rate").above(0).defaultWhen(
		OPTIMIZER, "sgd", 0.01);
	private static final Setting<Integer> PATCH = Setting.integer("patch_size", 128, "patch").atLeast(16).multipleOf(16);

	private static String refused(Setting<?> s, String text) {
		return assertThrows(BadInputException.class, () -> s.parse(text)).getMessage();
	}

	@Test
	public void wrongValuesNameTheKeyTheValueAndWhatIsAllowed() {
		assertEquals("learning_rate must be a positive number, got -1", refused(RATE, "-1"));
		assertEquals("learning_rate must be a positive number, got NaN", refused(RATE, "NaN"));
		assertEquals("patch_size must be an integer of at least 16, a multiple of 16, got 50", refused(PATCH, "50"));
		assertEquals("patch_size must be an integer of at least 16, a multiple of 16, got 2.5", refused(PATCH, "2.5"));
		assertEquals("optimizer must be one of adam, sgd, got rmsprop", refused(OPTIMIZER, "rmsprop"));
		assertEquals("x must be a number in [0, 1), got 1", refused(Setting.number("x", 0.5, "").atLeast(0).below(1),
			"1"));
		assertEquals("x must be an integer in [0, 127], not 1, got 1", refused(Setting.integer("x", 0, "").atLeast(0)
			.atMost(127).except(1), "1"));
		assertEquals("x must be one of 1, 2, 4, 8, got 3", refused(Setting.integer("x", 4, "").among(1, 2, 4, 8), "3"));
		assertEquals("x must be true or false, got yes", refused(Setting.flag("x", true, ""), "yes"));
		assertEquals("x must be comma-separated numbers, each of at least 0, got 1,-1", refused(Setting.numbers("x",
			new double[] { 1 }, "").atLeast(0), "1,-1"));
	}

	@Test
	public void goodValuesParseToTheirTypes() {
		assertEquals(Integer.valueOf(64), PATCH.parse(" 64 "));
		assertEquals("sgd", OPTIMIZER.parse("SGD"));
		assertEquals(0.5, RATE.parse("5e-1"), 0);
		assertArrayEquals(new double[] { 1, 0.5 }, Setting.numbers("x", new double[] { 1 }, "").parse("1, 0.5"), 0);
	}

	@Test
	public void defaultsMayDependOnAnotherSetting() {
		assertEquals(1e-3, new SettingValues(List.of(OPTIMIZER, RATE), Map.of()).get(RATE), 0);
		assertEquals(0.01, new SettingValues(List.of(OPTIMIZER, RATE), Map.of("optimizer", "sgd")).get(RATE), 0);
		assertEquals(0.2, new SettingValues(List.of(OPTIMIZER, RATE), Map.of("optimizer", "sgd", "learning_rate",
			"0.2")).get(RATE), 0);
		assertEquals("0.001 (0.01 with optimizer=sgd)", RATE.defaultText());
	}

	@Test
	public void valuesRecordTheGivenTextAndTheDefaults() {
		SettingValues v = new SettingValues(List.of(OPTIMIZER, RATE, PATCH), Map.of("patch_size", "64"));
		assertEquals(Map.of("optimizer", "adam", "learning_rate", "0.001", "patch_size", "64"), v.asMap());
		assertEquals(64, v.asJson().get("patch_size"));
		assertEquals("Unknown setting 'patchsize'; known: optimizer, learning_rate, patch_size", assertThrows(
			BadInputException.class, () -> new SettingValues(List.of(OPTIMIZER, RATE, PATCH), Map.of("patchsize", "1")))
			.getMessage());
		assertEquals("Missing option 'dataset=': where", assertThrows(BadInputException.class, () -> new SettingValues(
			List.of(Setting.path("dataset", null, "where")), Map.of())).getMessage());
	}
}
