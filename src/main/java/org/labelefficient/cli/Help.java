package org.labelefficient.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.labelefficient.method.Methods;
import org.labelefficient.method.TrainingMethod;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;

/** The command line's help texts, generated from the setting declarations so that they cannot drift from them. */
final class Help {

	private Help() {}

	/** {@code command key=<...> [key=default ...]}: required keys first, then the others with their defaults. */
	static String usage(String command, List<Setting<?>> settings) {
		String required = words(settings.stream().filter(Setting::required).toList());
		String optional = words(settings.stream().filter(s -> !s.required()).toList());
		return command + (required.isEmpty() ? "" : " " + required) + (optional.isEmpty() ? "" : " [" + optional + "]");
	}

	private static String words(List<Setting<?>> settings) {
		return settings.stream().map(Help::word).collect(Collectors.joining(" "));
	}

	/** {@code key=default}, {@code key=a|b} for choices, {@code key=<what>} without a default. */
	private static String word(Setting<?> s) {
		if (s.defaultValue() == null) return s.key() + "=<" + s.description().split("[:;(]")[0].trim() + ">";
		if (s.kind() == Setting.Kind.CHOICE) return s.key() + "=" + String.join("|", s.choices());
		return s.key() + "=" + s.defaultText().split(" ")[0];
	}

	/** Every training setting with default, allowed values and meaning; then each method's settings. */
	static void training(PrintStream out) {
		out.println("Training settings (key=default  meaning (allowed values)):");
		for (List<Setting<?>> l : List.of(RequestSettings.ALL, LoopSettings.ALL))
			for (Setting<?> s : l)
				out.println("  " + s.helpLine());
		out.println("Methods (method=<id>) and their settings:");
		for (String id : Methods.ids()) {
			TrainingMethod m = Methods.get(id);
			out.println("  " + id + ": " + m.summary());
			for (Setting<?> s : m.settings())
				out.println("      " + s.helpLine());
		}
	}
}
