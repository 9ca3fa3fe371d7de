package org.labelefficient.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.labelefficient.io.BadInputException;
import org.labelefficient.request.Failure;
import org.labelefficient.setting.Setting;
import org.labelefficient.train.LoopSettings;
import org.labelefficient.train.RequestSettings;
import org.labelefficient.train.TrainingControl;
import org.labelefficient.train.TrainingFailedException;
import org.labelefficient.train.TrainingListener;
import org.labelefficient.train.TrainingRequest;
import org.labelefficient.train.TrainingResult;
import org.labelefficient.train.TrainingRunner;
import org.labelefficient.ui.TrainingWindow;
import org.scijava.app.StatusService;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.module.MethodCallException;
import org.scijava.module.MutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

/**
 * What the training commands share: their fields are named by the setting keys and start at the declared defaults;
 * this builds the one {@link TrainingRequest} from them and runs it with progress in the status bar and the log and,
 * when a person is at the screen, a {@link TrainingWindow} with live curves and Finish now / Cancel buttons. Bad
 * input and a failed training become one sentence that cancels the command, the same sentence the command line
 * prints. A dynamic command, so that the method list comes from the registry.
 */
abstract class TrainingCommand extends DynamicCommand {

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter(required = false)
	private UIService ui;

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

	/** Trains as the {@code options} say (built inside, so that their errors cancel the command too). */
	protected void train(Supplier<Map<Setting<?>, Object>> options) {
		trainFrom(() -> Setting.asText(options.get()));
	}

	/** Trains from options as key-to-text (a model's recorded settings). */
	protected void trainFrom(Supplier<Map<String, String>> options) {
		TrainingWindow window = null;
		try {
			TrainingRequest request = TrainingRequest.of(options.get());
			TrainingControl control = new TrainingControl();
			TrainingListener listener = new FijiProgress(log, status, request.settings().logInterval());
			if (ui != null && !ui.isHeadless()) {
				window = TrainingWindow.open("Training " + request.output().getFileName(), control);
				listener = listener.and(window);
			}
			String summary = summary(TrainingRunner.run(request, listener, control));
			log.info(summary);
			if (window != null) window.finished(summary);
		}
		catch (BadInputException | TrainingFailedException | IOException e) {
			String message = Failure.of(e).message();
			if (window != null) window.finished("Stopped: " + message);
			cancel(message);
		}
	}

	/** One line on how the run ended and where the model is. */
	static String summary(TrainingResult r) {
		String dice = Double.isNaN(r.bestDice()) ? "" : String.format("; best validation Dice %.4f at iteration %d", r
			.bestDice(), r.bestIteration());
		return (r.cancelled() ? "Cancelled at iteration " : "Trained to iteration ") + r.iterationsDone() + dice
			+ "; model in " + r.model();
	}
}
