package org.labelefficient.method;

import static org.labelefficient.method.ActionSettings.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.labelefficient.io.BadInputException;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.nn.UNetConfig;
import org.labelefficient.setting.SettingValues;

/**
 * Which of ACTION's stages a run trains and from what progress each runs: {@code stages=all} runs the stages with a
 * non-zero fraction one after the other within the iteration budget; {@code stages=i}, {@code ii} or {@code iii} runs
 * one stage for the whole budget, ii and iii starting from the model of the previous stage ({@code init_model}).
 */
record ActionPlan(List<Stage> stages, List<Double> starts, Path initModel) {

	/** The three stages and their setting values. */
	enum Stage {
		I("i"), II("ii"), III("iii");

		final String key;

		Stage(String key) {
			this.key = key;
		}
	}

	/** Reads and checks the plan; every problem is a {@link BadInputException} naming the setting. */
	static ActionPlan of(SettingValues s) {
		String stages = s.get(STAGES);
		String init = s.get(INIT_MODEL).trim();
		Path initModel = init.isEmpty() ? null : Path.of(init);
		if (stages.equals("all")) {
			if (initModel != null) throw new BadInputException(INIT_MODEL.key() + " is for " + STAGES.key() + "=ii or "
				+ STAGES.key() + "=iii; " + STAGES.key() + "=all trains every stage from scratch");
			return all(s);
		}
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
		if (stage == Stage.I && initModel != null) throw new BadInputException(INIT_MODEL.key() + " is for "
			+ STAGES.key() + "=ii or " + STAGES.key() + "=iii; stage i trains from scratch");
		if (stage != Stage.I && initModel == null) throw new BadInputException(STAGES.key() + "=" + stage.key
			+ " continues from the model of stage " + (stage == Stage.II ? "i" : "ii") + "; give it as "
			+ INIT_MODEL.key() + "=<model folder>");
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

	/**
	 * Checks that the init model exists, was trained by ACTION's previous stage (ii from i; iii from ii or all) with
	 * the same network, and has a checkpoint.
	 */
	void checkInitModel(UNetConfig network) {
		if (initModel == null) return;
		ModelInfo info = ModelInfo.read(initModel);
		String stages = info.methodSettings.getOrDefault(STAGES.key(), "");
		if (!"action".equals(info.method)) throw new BadInputException(initModel, "was trained by " + info.method
			+ ", not action; " + INIT_MODEL.key() + " must be an ACTION model of the previous stage");
		boolean fits = first() == Stage.II ? stages.equals("i") : stages.equals("ii") || stages.equals("all");
		String key = STAGES.key() + "=";
		if (!fits) throw new BadInputException(initModel, "was trained with " + key + stages + "; " + key + first().key
			+ " continues from a model trained with " + (first() == Stage.II ? key + "i" : key + "ii or " + key + "all"));
		if (!info.network().equals(network)) throw new BadInputException(initModel, "has the network "
			+ info.network() + " but this run builds " + network + "; use the same network width and classes");
		if (!Files.isRegularFile(ModelFolder.checkpoint(initModel).resolve("state.json")))
			throw new BadInputException(initModel, "has no training checkpoint to start from");
	}
}
