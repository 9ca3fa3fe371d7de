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

	/** {@code key=<required> key=default ...} for usage lines. */
	static String keys(List<Setting<?>> settings) {
		return settings.stream().map(s -> s.key() + "=" + (s.required() ? "<" + s.description().split("[:;,(]")[0]
			.trim() + ">" : s.defaultText().split(" ")[0])).collect(Collectors.joining(" "));
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
