package org.labelefficient.method;

import static org.labelefficient.method.ActionSettings.*;
import static org.labelefficient.method.WarmStart.INIT_MODEL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.setting.SettingValues;

/**
 * Which of ACTION's stages a run trains and from what progress each runs: {@code stages=all} runs the stages with a
 * non-zero fraction one after the other within the iteration budget; {@code stages=i}, {@code ii} or {@code iii} runs
 * one stage for the whole budget, ii starting from the checkpoint of a stage i model ({@code init_model}). Stage iii
 * starts from any trained model of the same network; {@code stages=all} with a starting model is a warm start: stages
 * i and ii, which pre-train a network that is already trained, are skipped and stage iii has every iteration.
 */
record ActionPlan(List<Stage> stages, List<Double> starts, Path initModel) {

	/**
	 * The three stages, each with its setting value, what it trains (for the log) and its time per iteration in
	 * supervised steps of the same network (2D, 128 x 128, batch 8; BENCHMARKS.md "Phase costs"): stage i trains the
	 * encoder and small heads, ii and iii the whole network and every head.
	 */
	enum Stage {
		I("i", "ACTION stage i, contrastive pre-training of the encoder (the decoder does not learn yet, so validation "
			+ "Dice stays near 0)", 0.45),
		II("ii", "ACTION stage ii, contrastive distillation of the whole network with the loss on the labelled images",
			1.45),
		III("iii", "ACTION stage iii, pseudo-labels on CutMixed unlabelled images and anatomical contrast", 1.45);

		final String key;
		final String name;
		final double cost;

		Stage(String key, String name, double cost) {
			this.key = key;
			this.name = name;
			this.cost = cost;
		}
	}

	/**
	 * Reads and checks the plan of a run that starts from {@code initModel} ({@code null}: from scratch); every
	 * problem is a {@link BadInputException} naming the setting.
	 */
	static ActionPlan of(SettingValues s, Path initModel) {
		String stages = s.get(STAGES);
		if (stages.equals("all")) return initModel == null ? all(s) : single(Stage.III, initModel);
		return single(Arrays.stream(Stage.values()).filter(st -> st.key.equals(stages)).findFirst().orElseThrow(),
			initModel);
	}

	private static ActionPlan all(SettingValues s) {
		double[] f = new double[3];
		double sum = 0;
		for (int i = 0; i < 3; i++) {
			f[i] = s.get(FRACTIONS.get(i));
			sum += f[i];
		}
		if (Math.abs(sum - 1) > 1e-6) throw new BadInputException("With " + STAGES.key()
			+ "=all the stage fractions must add up to 1 (they share the iterations), got " + f[0] + " + " + f[1]
			+ " + " + f[2] + " = " + sum);
		List<Stage> stages = new ArrayList<>();
		List<Double> starts = new ArrayList<>();
		double start = 0;
		for (int i = 0; i < 3; i++) {
			if (f[i] > 0) {
				stages.add(Stage.values()[i]);
				starts.add(start);
			}
			start += f[i];
		}
		return new ActionPlan(stages, starts, null);
	}

	private static ActionPlan single(Stage stage, Path initModel) {
		String init = INIT_MODEL.key(), key = STAGES.key() + "=";
		if (stage == Stage.I && initModel != null) throw new BadInputException(init + " is for " + key + "ii or " + key
			+ "iii; stage i trains from scratch");
		if (stage != Stage.I && initModel == null) throw new BadInputException(key + stage.key
			+ " continues from the model of stage " + (stage == Stage.II ? "i" : "ii") + "; give it as " + init
			+ "=<model folder>" + (stage == Stage.III ? " (any model of the same network)" : ""));
		return new ActionPlan(List.of(stage), List.of(0.0), initModel);
	}

	/** Whether the run trains {@code stage}. */
	boolean has(Stage stage) {
		return stages.contains(stage);
	}

	/** The first stage of the run. */
	Stage first() {
		return stages.get(0);
	}

	/** Whether the run continues a stage i model's checkpoint (stage ii), rather than a model's network weights. */
	boolean inheritsCheckpoint() {
		return initModel != null && first() == Stage.II;
	}

	/**
	 * Checks that the model that stage ii continues was trained by ACTION's stage i and has a checkpoint (its network,
	 * like that of every starting model, is checked by the training loop; stage iii and warm starts take any model).
	 */
	void checkInitModel() {
		if (!inheritsCheckpoint()) return;
		ModelInfo info = ModelInfo.read(initModel);
		String stages = info.methodSettings.getOrDefault(STAGES.key(), ""), key = STAGES.key() + "=";
		if (!"action".equals(info.method) || !stages.equals("i")) throw new BadInputException(initModel,
			"was trained by " + info.method + (stages.isEmpty() ? "" : " with " + key + stages) + "; " + key
				+ "ii continues from an ACTION model trained with " + key + "i");
		if (!Files.isRegularFile(ModelFolder.checkpoint(initModel).resolve("state.json")))
			throw new BadInputException(initModel, "has no training checkpoint to start from");
	}
}
