package org.labelefficient.request;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.method.Methods;
import org.labelefficient.scribble.ScribbleGenerator;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingRequest;

/**
 * The declarations are sound: snake_case keys, no key declared twice for one training run (a method setting named like
 * a loop or request setting would be shadowed), every default within its own range, and each method's settings
 * accepted by a request at their defaults.
 */
public class DeclarationsTest {

	@Test
	public void everyRunHasDistinctSnakeCaseKeysAndAllowedDefaults() {
		for (String id : Methods.ids()) {
			List<String> keys = TrainingRequest.keys(id);
			Set<String> distinct = new LinkedHashSet<>(keys);
			assertEquals(id + ": a key declared twice in " + keys, keys.size(), distinct.size());
			for (String k : keys)
				assertTrue(id + ": " + k, k.matches("[a-z][a-z0-9_]*"));
			for (Setting<?> s : Methods.get(id).settings())
				allowsItsDefault(s);
		}
		List<Setting<?>> commands = new ArrayList<>(RequestSettings.ALL);
		commands.addAll(LoopSettings.ALL);
		commands.addAll(CommandSettings.PREDICT);
		commands.addAll(CommandSettings.EVALUATE);
		commands.addAll(CommandSettings.DEMO);
		commands.addAll(ExportSettings.EXPORT);
		commands.addAll(ExportSettings.IMPORT);
		commands.addAll(ScribbleGenerator.SETTINGS);
		for (Setting<?> s : commands)
			allowsItsDefault(s);
	}

	private static <T> void allowsItsDefault(Setting<T> s) {
		if (s.defaultValue() != null) assertEquals(s.key(), s.defaultValue(), s.check(s.defaultValue()));
	}
}
