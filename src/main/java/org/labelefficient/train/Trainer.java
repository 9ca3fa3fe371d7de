package org.labelefficient.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.labelefficient.data.Batch;
import org.labelefficient.data.BatchPlan;
import org.labelefficient.infer.Segmentation;
import org.labelefficient.infer.SessionPredictor;
import org.labelefficient.infer.SessionWindowPredictor;
import org.labelefficient.infer.SlidingWindowSegmenter;
import org.labelefficient.infer.VolumeSegmenter;
import org.labelefficient.infer.WindowPredictor;
import org.labelefficient.io.Volume;
import org.labelefficient.method.InheritedWeights;
import org.labelefficient.method.MethodGraph;
import org.labelefficient.metrics.SegmentationMetrics;
import org.labelefficient.model.HistoryEntry;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.NetworkExporter;
import org.labelefficient.nn.ParameterSet;
import org.labelefficient.nn.SessionFactory;
import org.labelefficient.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * The training loop shared by all methods: draws batches, runs the method's step with the scheduled learning rate,
 * reports progress with an estimate of the time left, validates every {@code validation_interval} iterations, keeps
 * the best and the latest model and a checkpoint from which a killed run resumes exactly, and stops cleanly on
 * cancel, finish-now or a loss that is no longer finite.
 */
public final class Trainer {

	private static final double TILE_OVERLAP = 0.25;

	private final TrainingJob job;
	private final TrainingListener listener;
	private final TrainingControl control;

	public Trainer(TrainingJob job, TrainingListener listener, TrainingControl control) {
		this.job = job;
		this.listener = listener;
		this.control = control;
	}

	/** Runs training to the end of the budget, or until stopped; returns how it ended. */
	public TrainingResult run() throws IOException {
		TrainingSettings s = job.settings();
		BatchPlan plan = job.method().batchPlan(s.batchSize());
		Path checkpointDir = ModelFolder.checkpoint(job.output());
		TrainingGraph g = new TrainingGraph(job.method(), job.network(), s, job.methodSettings(), job.initModel());
		try (g.graph; Session session = SessionFactory.open(g.graph)) {
			Checkpoint.State state = start(session, g, checkpointDir);
			double startDice = state.bestDice < 0 || job.validation().isEmpty() ? Double.NaN : state.bestDice;
			int startIteration = state.iterationsDone, startBest = state.bestIteration;
			List<MethodGraph.Phase> phases = g.method.phases();
			if (phases.size() > 1) phasePlan(phases, s.phaseIterations(), s.iterations()).forEach(listener::log);
			RemainingTime timer = RemainingTime.of(phases, s.phaseIterations());
			double lossSum = 0;
			int lossCount = 0;
			Batch batch = null;
			while (state.iterationsDone < s.iterations() && !control.shouldStop()) {
				int it = state.iterationsDone;
				if (it > startIteration) announcePhase(phases, it);
				long t0 = System.nanoTime();
				batch = job.batches().next(random(s.seed(), it), plan);
				Map<String, Double> terms = step(session, g, batch, it);
				double loss = terms.remove("loss");
				double seconds = (System.nanoTime() - t0) / 1e9;
				if (!Double.isFinite(loss)) throw diverged("loss became " + loss + " at", it + 1, state);
				state.iterationsDone++;
				state.secondsTrained += seconds;
				timer.record(it, seconds);
				lossSum += loss;
				lossCount++;
				listener.iteration(new TrainingListener.Progress(state.iterationsDone, s.iterations(), loss, terms, s
					.learningRateAt(it), timer.secondsPerIteration(), timer.secondsLeft(state.iterationsDone, s
						.iterations())));
				if (state.iterationsDone % s.validationInterval() == 0 || state.iterationsDone == s.iterations()) {
					save(session, g, state, lossSum / lossCount, checkpointDir, batch);
					lossSum = 0;
					lossCount = 0;
				}
			}
			if (control.shouldStop() && lossCount > 0) save(session, g, state, lossSum / lossCount, checkpointDir,
				batch);
			TrainingResult result = new TrainingResult(job.output(), state.iterationsDone, control.isCancelled(), state
				.bestDice < 0 ? Double.NaN : state.bestDice, state.bestIteration, state.secondsTrained, startDice);
			if (!Double.isNaN(startDice)) listener.log(gainLine(result, startIteration, startBest, state.history));
			return result;
		}
	}

	/** Logs the phase, other than the first, that begins at iteration {@code it} (0-based), if one does. */
	private void announcePhase(List<MethodGraph.Phase> phases, int it) {
		int laidOver = job.settings().phaseIterations();
		for (int i = 1; i < phases.size(); i++)
			if (phases.get(i).firstIteration(laidOver) == it) listener.log("From iteration " + (it + 1) + ": " + phases
				.get(i).name());
	}

	/**
	 * One line per phase that has iterations in a run of {@code iterations} whose phases are laid out over {@code
	 * phaseIterations}: its iterations (1-based) and what it trains, so that a user knows before the run why, for
	 * example, validation Dice stays near 0 for a while.
	 */
	static List<String> phasePlan(List<MethodGraph.Phase> phases, int phaseIterations, int iterations) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < phases.size(); i++) {
			int first = phases.get(i).firstIteration(phaseIterations), end = i + 1 < phases.size() ? phases.get(i + 1)
				.firstIteration(phaseIterations) : iterations;
			if (end > first) lines.add(String.format("Iterations %d-%d: %s", first + 1, end, phases.get(i).name()));
		}
		return lines;
	}

	/**
	 * The closing line of a run that started from validated weights (a warm start, {@code continue} or {@code
	 * resume}): validation Dice before and after; for a resumed warm start also the gain over the model it first
	 * started from, since the best so far at the resume is then part of the same improvement; and, where no validation
	 * of this run beat its start, where its last weights are, since a few validation images can hide a gain that the
	 * last weights carry.
	 */
	static String gainLine(TrainingResult result, int startIteration, int startBest, List<HistoryEntry> history) {
		String line = startIteration == 0 ? String.format("Validation Dice %.4f at the start of this run",
			result.startDice()) : String.format("Validation Dice %.4f when this run resumed at iteration %d (best, "
				+ "iteration %d)", result.startDice(), startIteration, startBest);
		line += String.format(", %.4f now (best, iteration %d): %+.4f", result.bestDice(), result.bestIteration(),
			result.bestDice() - result.startDice());
		HistoryEntry first = history.get(0), last = history.get(history.size() - 1);
		if (startIteration > 0 && first.iteration() == 0) line += String.format(
			"; %.4f at the warm start: %+.4f since", first.validationDice(), result.bestDice() - first.validationDice());
		if (result.bestIteration() > startIteration || last.iteration() <= startIteration) return line;
		return line + String.format(". No validation %s, which stays the best model; the last weights (validation "
			+ "Dice %.4f at iteration %d) are kept as latest: predict with checkpoint=latest to use them",
			startIteration == 0 ? "of this run beat the start" : "since the resume beat the best so far", last
				.validationDice(), last.iteration());
	}

	private Checkpoint.State start(Session session, TrainingGraph g, Path checkpointDir) throws IOException {
		if (job.resume() && Checkpoint.exists(checkpointDir)) {
			Checkpoint.State state = Checkpoint.restore(session, checkpointDir);
			listener.log("Resuming from the checkpoint at iteration " + state.iterationsDone + " in " + checkpointDir);
			return state;
		}
		List<ParameterSet> sets = g.variables();
		for (int i = 0; i < sets.size(); i++)
			sets.get(i).initialize(session, job.settings().seed() * 1000 + i);
		if (job.initModel() != null && !g.method.networks().isEmpty()) {
			Checkpoint.loadNetwork(session, ModelFolder.best(job.initModel()), g.method.networks());
			listener.log("Starting from the weights of " + job.initModel());
		}
		InheritedWeights inherited = g.method.inherited();
		if (inherited != null) {
			Checkpoint.load(session, ModelFolder.checkpoint(inherited.model()), inherited.sets());
			listener.log("Starting from the training state of " + inherited.model());
		}
		Checkpoint.State state = new Checkpoint.State();
		if (job.initModel() != null) validateStart(session, g, state);
		return state;
	}

	/**
	 * Validates the weights a warm start begins with and makes them the best model so far, so that the run can only
	 * keep or improve on the model it was given.
	 */
	private void validateStart(Session session, TrainingGraph g, Checkpoint.State state) throws IOException {
		if (job.validation().isEmpty()) return;
		double dice = validate(session, g);
		state.bestDice = dice;
		state.bestIteration = 0;
		state.history.add(new HistoryEntry(0, Double.NaN, dice, 0));
		NetworkExporter.export(job.network(), g.method.predictor().weights().read(session), ModelFolder.best(job
			.output()));
		listener.log(String.format("Validation Dice of the starting weights: %.4f", dice));
		listener.validated(0, dice, true);
	}

	/** The random source of one iteration: depends only on the seed and the iteration, so a resumed run repeats. */
	static Random random(long seed, int iteration) {
		return new Random(seed * 0x9E3779B97F4A7C15L + iteration);
	}

	private Map<String, Double> step(Session session, TrainingGraph g, Batch b, int it) {
		MethodGraph.Phase phase = g.method.phaseAt(job.settings().progressAt(it));
		Map<String, Operand<TFloat32>> terms = phase.terms();
		try (Tensor images = Tensors.floats(b.images(), b.imageShape());
			Tensor labels = Tensors.ints(b.labels(), b.labelShape());
			Tensor lr = Tensors.scalar((float) job.settings().learningRateAt(it));
			Tensor step = Tensors.scalar(it + 1);
			Tensor progress = Tensors.scalar((float) job.settings().progressAt(it));
			Tensor seed = Tensors.longs(job.settings().seed(), it)) {
			Session.Runner runner = session.runner().feed(g.inputs.images, images).feed(g.inputs.labels, labels).feed(
				g.inputs.learningRate, lr).feed(g.inputs.step, step).feed(g.inputs.progress, progress).feed(
					g.inputs.seed, seed).addTarget(phase.step()).fetch(phase.loss());
			terms.values().forEach(runner::fetch);
			try (Result r = runner.run()) {
				Map<String, Double> out = new LinkedHashMap<>();
				out.put("loss", (double) Tensors.readScalar(r.get(0)));
				int i = 1;
				for (String name : terms.keySet())
					out.put(name, (double) Tensors.readScalar(r.get(i++)));
				return out;
			}
		}
	}

	/**
	 * Validates, exports and checkpoints the weights after the last step, once they are known to be good: finite, and
	 * giving finite predictions on the last batch (a step can leave finite weights that overflow a forward pass).
	 */
	private void save(Session session, TrainingGraph g, Checkpoint.State state, double meanLoss, Path checkpointDir,
		Batch last) throws IOException {
		Map<String, float[]> weights = g.method.predictor().weights().read(session);
		if (!finite(weights) || !predictsFinite(session, g, last)) throw diverged(
			"weights became unusable (NaN or infinite outputs) by", state.iterationsDone, state);
		double dice = validate(session, g);
		state.history.add(new HistoryEntry(state.iterationsDone, meanLoss, dice, state.secondsTrained));
		boolean best = job.validation().isEmpty() || dice > state.bestDice;
		if (best) {
			state.bestDice = job.validation().isEmpty() ? -1 : dice;
			state.bestIteration = state.iterationsDone;
			NetworkExporter.export(job.network(), weights, ModelFolder.best(job.output()));
		}
		NetworkExporter.export(job.network(), weights, ModelFolder.latest(job.output()));
		Checkpoint.save(session, state, checkpointDir);
		writeInfo(state);
		if (!job.validation().isEmpty()) listener.validated(state.iterationsDone, dice, best);
	}

	/** The error for a run whose loss or weights stopped being finite; the last checkpoint is left as it was. */
	private TrainingFailedException diverged(String what, int iteration, Checkpoint.State state) {
		int saved = state.history.isEmpty() ? 0 : state.history.get(state.history.size() - 1).iteration();
		return new TrainingFailedException("The " + what + " iteration " + iteration + "; training stopped. " + (saved
			== 0 ? "No checkpoint had been saved yet" : "The last good checkpoint (iteration " + saved + ") is kept in "
				+ ModelFolder.checkpoint(job.output())) + "; try a lower " + LoopSettings.LEARNING_RATE.key() + ".");
	}

	private boolean predictsFinite(Session session, TrainingGraph g, Batch b) {
		int[] s = b.shape();
		float[] p = b.volumetric() ? windows(session, g).predict(b.images(), b.size(), s[0], s[1], s[2]) : predictor(
			session, g).predict(b.images(), b.size(), b.patchSize(), b.patchSize());
		for (float v : p)
			if (!Float.isFinite(v)) return false;
		return true;
	}

	private SessionPredictor predictor(Session session, TrainingGraph g) {
		return new SessionPredictor(session, g.validationImages, g.validationProbabilities, job.network().numClasses(),
			job.network().sizeDivisor());
	}

	private WindowPredictor windows(Session session, TrainingGraph g) {
		return new SessionWindowPredictor(session, g.validationImages, g.validationProbabilities, job.network()
			.numClasses(), job.network().divisors());
	}

	private static boolean finite(Map<String, float[]> weights) {
		for (float[] w : weights.values())
			for (float v : w)
				if (!Float.isFinite(v)) return false;
		return true;
	}

	private double validate(Session session, TrainingGraph g) {
		if (job.validation().isEmpty()) return Double.NaN;
		Function<Volume, Segmentation> segmenter;
		if (job.network().dimensions() == 3) {
			SlidingWindowSegmenter volumes = new SlidingWindowSegmenter(windows(session, g), job.settings()
				.patchShape(), TILE_OVERLAP);
			segmenter = image -> volumes.segment(image, false);
		}
		else {
			VolumeSegmenter slices = new VolumeSegmenter(predictor(session, g), job.settings().sampling(), job
				.settings().patchSize(),
				TILE_OVERLAP);
			segmenter = image -> slices.segment(image, false);
		}
		double sum = 0;
		for (ValidationCase c : job.validation())
			sum += SegmentationMetrics.meanDice(segmenter.apply(c.image()).labels(), c.label(), job.network()
				.numClasses());
		return sum / job.validation().size();
	}

	private void writeInfo(Checkpoint.State state) throws IOException {
		var info = job.info();
		info.iterationsDone = state.iterationsDone;
		info.bestIteration = state.bestIteration;
		info.bestValidationDice = state.bestDice < 0 ? Double.NaN : state.bestDice;
		info.secondsTrained = state.secondsTrained;
		info.history = state.history;
		info.write(job.output());
	}
}
