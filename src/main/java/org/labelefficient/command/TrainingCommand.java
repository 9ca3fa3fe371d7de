package org.labelefficient.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.labelefficient.bridge.MacroOptions;
import org.labelefficient.ij1.Engines;
import org.labelefficient.io.BadInputException;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;
import org.scijava.app.StatusService;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.module.MethodCallException;
import org.scijava.module.MutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

/**
 * What the training commands share: their fields are named by the setting keys and start at the declared defaults;
 * this hands them to the engine's training command ({@link Engines}: a process of its own where installed) with
 * progress in the status bar and the log and, when a person is at the screen, a window with live curves and Finish
 * now / Cancel buttons. Bad input and a failed training become one sentence that cancels the command, the same
 * sentence the command line prints. A dynamic command, so that the method list comes from the registry.
 */
abstract class TrainingCommand extends DynamicCommand {

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter(required = false)
	private UIService ui;

	/**
	 * The chosen method's own settings, as on the command line and the macro line ({@code kd_weight=0.5
	 * contrast_weight=0}; docs/methods.md lists them): text, so that any method's settings pass to the engine.
	 */
	@Parameter(label = "Method settings (key=value ..., optional)", required = false, persist = false)
	private String method_settings = "";

	/**
	 * Gives each input named by a training setting the declaration's bounds (unless the field states a narrower
	 * one) or choices, so that the dialog offers what the request accepts.
	 */
	@Override
	public void initialize() throws MethodCallException {
		super.initialize();
		List<Setting<?>> declared = new ArrayList<>(RequestSettings.ALL);
		declared.addAll(LoopSettings.ALL);
		for (Setting<?> s : declared) {
			if (getInfo().getInput(s.key()) instanceof MutableModuleItem<?> item) bound(item, s);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void bound(MutableModuleItem<T> item, Setting<?> s) {
		Class<?> type = item.getType();
		if (type == String.class && s.kind() == Setting.Kind.CHOICE && (item.getChoices() == null || item.getChoices()
			.isEmpty())) ((MutableModuleItem<String>) item).setChoices(s.choices());
		if (type != int.class && type != Integer.class) return;
		if (s.min() != null && item.getMinimumValue() == null) item.setMinimumValue((T) (Integer) (int) Math.ceil(s
			.min()));
		if (s.max() != null && item.getMaximumValue() == null) item.setMaximumValue((T) (Integer) (int) Math.floor(s
			.max()));
	}

	/** Offers {@code ids} as the dialog's method choices (call from the method field's initializer). */
	protected void offerMethods(List<String> ids) {
		getInfo().getMutableInput(RequestSettings.METHOD.key(), String.class).setChoices(ids);
	}

	/** {@code options} and the method settings given in the dialog. */
	protected String withMethodSettings(String options) {
		return method_settings == null || method_settings.isBlank() ? options : options + " " + method_settings.trim();
	}

	/** Whether a training window with live curves is shown (a person at the screen). */
	protected boolean windowShown() {
		return ui != null && !ui.isHeadless();
	}

	protected LogService log() {
		return log;
	}

	protected StatusService status() {
		return status;
	}

	/** Trains as the {@code options} say (built inside, so that their errors cancel the command too). */
	protected void train(Supplier<Map<Setting<?>, Object>> options) {
		trainFrom(() -> Setting.asText(options.get()));
	}

	/** Trains from options as key-to-text. */
	protected void trainFrom(Supplier<Map<String, String>> options) {
		run("train", options);
	}

	/**
	 * Runs the engine's training command {@code command} ({@code train}, {@code continue}, {@code improve}) with
	 * {@code options}: its lines in the log and the status bar, and at the screen its window with live curves and
	 * Finish now / Cancel; its error, one sentence, cancels this command.
	 */
	protected void run(String command, Supplier<Map<String, String>> options) {
		try {
			String error = Engines.call(command, withMethodSettings(MacroOptions.of(options.get())), windowShown(),
				new FijiProgress(log, status));
			if (error != null) cancel(error);
		}
		catch (BadInputException e) {
			cancel(e.getMessage());
		}
	}
}
