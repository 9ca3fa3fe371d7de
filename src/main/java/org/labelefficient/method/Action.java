package org.labelefficient.method;

import static org.labelefficient.method.ActionSettings.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.labelefficient.data.BatchPlan;
import org.labelefficient.io.BadInputException;
import org.labelefficient.method.ActionPlan.Stage;
import org.labelefficient.nn.LocalPatches;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;

/**
 * ACTION, Anatomical-aware ConTrastive dIstillatiON (You et al., IPMI 2023; docs/action.md): stage i
 * distils global embeddings of an EMA teacher into the student against a memory of past teacher embeddings
 * ({@link ContrastivePretraining}); stage ii adds the same on local windows of the output map and the supervised loss;
 * stage iii fine-tunes with pseudo-labels and anatomical contrast ({@link AnatomicalFineTuning}). The stages run in
 * one training run, one after the other within the budget, or one run each, a later stage starting from the previous
 * stage's model. From a trained model ({@code init_model}) only stage iii runs, student and teacher starting from its
 * weights ({@link ActionPlan}). Half of each batch is labelled. The student is the model.
 */
public final class Action implements TrainingMethod {

	@Override
	public String id() {
		return "action";
	}

	@Override
	public String summary() {
		return "labelled + unlabelled: contrastive distillation pre-training, then pseudo-labels and anatomical "
			+ "contrast (ACTION)";
	}

	@Override
	public BatchPlan batchPlan(int batchSize) {
		return BatchPlan.halfLabelled(batchSize);
	}

	@Override
	public List<Setting<?>> settings() {
		return ActionSettings.ALL;
	}

	@Override
	public void check(SettingValues settings, BatchPlan plan, int patchSize, Path initModel) {
		ActionPlan stages = ActionPlan.of(settings, initModel);
		int memory = settings.get(MEMORY_SIZE), pooling = settings.get(LOCAL_POOLING);
		if ((stages.has(Stage.I) || stages.has(Stage.II)) && memory < plan.size()) throw new BadInputException(
			MEMORY_SIZE.key() + " (" + memory + ") must be at least the batch size (" + plan.size() + ")");
		if (stages.has(Stage.II) && !LocalPatches.fits(patchSize, pooling)) throw new BadInputException(
			"ACTION's stage ii cuts the patch into windows of a quarter of its side pooled to " + LOCAL_POOLING.key()
				+ "=" + pooling + " (an even number): the patch size must be a multiple of " + 4 * pooling + ", got "
				+ patchSize);
		stages.checkInitModel();
	}

	@Override
	public MethodGraph build(MethodContext c) {
		ActionPlan plan = ActionPlan.of(c.settings(), c.initModel());
		ActionModel m = new ActionModel(c, plan);
		List<MethodGraph.Phase> phases = new ArrayList<>();
		List<ParameterSet> variables = new ArrayList<>(m.variables());
		for (int i = 0; i < plan.stages().size(); i++) {
			Stage stage = plan.stages().get(i);
			double start = plan.starts().get(i);
			StagePhase p = stage == Stage.III ? AnatomicalFineTuning.build(c, m, start) : ContrastivePretraining.build(
				c, m, stage, start);
			phases.add(p.phase());
			variables.add(p.optimizerState());
		}
		if (plan.inheritsCheckpoint()) return new MethodGraph(phases, m.student, variables, new InheritedWeights(plan
			.initModel(), m.inheritedByStageII()), List.of());
		return new MethodGraph(phases, m.student, variables, null, List.of(m.student.weights(), m.teacher.weights()));
	}
}
