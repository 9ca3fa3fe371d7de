package org.labelefficient.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.data.BatchAssembler;
import org.labelefficient.data.BatchPlan;
import org.labelefficient.data.Dataset;
import org.labelefficient.data.DatasetLoader;
import org.labelefficient.data.DatasetSettings;
import org.labelefficient.data.DatasetSpec;
import org.labelefficient.data.SliceSampler;
import org.labelefficient.data.TrainingSlice;
import org.labelefficient.data.VolumeSampler;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Normalization;
import org.labelefficient.io.Sampling;
import org.labelefficient.method.Methods;
import org.labelefficient.method.TrainingMethod;
import org.labelefficient.method.WarmStart;
import org.labelefficient.model.ModelFolder;
import org.labelefficient.model.ModelInfo;
import org.labelefficient.nn.UNetConfig;
import org.labelefficient.setting.Setting;
import org.labelefficient.setting.SettingValues;

/**
 * Turns a {@link TrainingRequest} into a run: resolves the method and its settings, reads and checks the dataset,
 * checks that it holds what the method learns from, describes the model, and runs the {@link Trainer}. Every check
 * happens before the first iteration. The entry point shared by the command line, macros and Fiji commands.
 */
public final class TrainingRunner {

	private TrainingRunner() {}

	/** Validates the request, reads the data and trains; returns how the run ended. */
	public static TrainingResult run(TrainingRequest request, TrainingListener listener, TrainingControl control)
		throws IOException {
		TrainingJob job = prepare(request, listener);
		listener.log("Training " + request.method() + " for " + request.settings().iterations() + " iterations into "
			+ request.output());
		return new Trainer(job, listener, control).run();
	}

	/** Everything up to the first iteration: all checks, the dataset, the job. */
	public static TrainingJob prepare(TrainingRequest request, TrainingListener listener) throws IOException {
		TrainingMethod method = Methods.get(request.method());
		SettingValues methodSettings = request.methodSettings();
		Normalization normalization = Normalization.parse(request.normalization());
		checkOutput(request);
		ModelInfo start = request.initModel() == null ? null : startingModel(request.initModel(), normalization);
		TrainingSettings s = request.settings();
		BatchPlan plan = method.batchPlan(s.batchSize());
		method.check(methodSettings, plan, s.patchSize(), request.initModel());
		boolean volumes = s.dimensions() == 3;
		if (!volumes && s.patchPerAxis()) throw new BadInputException(LoopSettings.PATCH_SIZE.key() + "="
			+ LoopSettings.PATCH_SIZE.format(s.values().get(LoopSettings.PATCH_SIZE)) + " gives z,y,x sizes, which "
			+ "only "
			+ LoopSettings.DIMENSIONS.key() + "=3 uses; give one number for " + LoopSettings.DIMENSIONS.key() + "=2");
		if (volumes && !method.volumetric()) throw new BadInputException("method " + method.id()
			+ " has no 3D form yet (its heads are built for 2D feature maps); use " + LoopSettings.DIMENSIONS.key()
			+ "=2, or one of " + String.join(", ", Methods.volumetricIds()) + " with " + LoopSettings.DIMENSIONS.key()
			+ "=3");
		boolean whole = s.sampling() == Sampling.SLICE;
		if (volumes && whole) throw new BadInputException(LoopSettings.SAMPLING.key() + "=" + Sampling.SLICE.key()
			+ " resizes 2D slices; " + LoopSettings.DIMENSIONS.key() + "=3 trains on patches of the volume, so use "
			+ LoopSettings.SAMPLING.key() + "=" + Sampling.CROP.key() + " with it");
		Dataset data = DatasetLoader.load(new DatasetSpec(request.dataset(), request.unlabelledValue(), request
			.labelledPatients(), request.numClasses(), request.validationFraction(), request.trainList(), request
				.validationList(), normalization, s.seed(), request.unlabelledImages(), request.backgroundMargin()));
		listener.log(request.dataset() + ": " + data.summary());
		if (!request.allowPadding() && !whole) checkNoPadding(data, s);
		BatchAssembler sampler;
		if (volumes) {
			VolumeSampler v = new VolumeSampler(data.slices(), s.patchShape(), s.augment());
			v.check(plan, method.id());
			sampler = v;
		}
		else {
			SliceSampler slices = new SliceSampler(whole ? data.slices().stream().map(t -> t.resized(s.patchSize()))
				.toList() : data.slices(), s.patchSize(), s.augment());
			slices.check(plan, method.id());
			sampler = slices;
		}
		if (plan.kind() == BatchPlan.LabelKind.SCRIBBLE) checkScribbledClasses(data, request);
		UNetConfig network = UNetConfig.standard(data.numClasses(), s.baseChannels(), method.deepSupervision())
			.withDecoders(method.decoders());
		if (volumes) network = network.volumetric(UNetConfig.poolingFor(network.levels(), spacing(data)));
		if (start != null) checkStartingNetwork(request.initModel(), start, network);
		List<ValidationCase> validation = data.validation().stream().map(v -> new ValidationCase(v.name(), v.image(),
			v.label())).toList();
		return new TrainingJob(method, methodSettings, s, network, sampler, validation, request.output(), request
			.resume(), describe(request, method, methodSettings, network, normalization), request.initModel());
	}

	/**
	 * The voxel spacing ({@code z, y, x}) that plans the 3D network's pooling: that of the first validation volume
	 * (every training volume is taken to share it), or isotropic when there is none.
	 */
	private static double[] spacing(Dataset data) {
		if (data.validation().isEmpty()) return new double[] { 1, 1, 1 };
		double[] xyz = data.validation().get(0).image().spacing();
		return new double[] { xyz[2], xyz[1], xyz[0] };
	}

	/**
	 * The description of the model a warm start begins with, checked before the data is read: it must have exported
	 * weights and the run's intensity normalisation.
	 */
	private static ModelInfo startingModel(Path model, Normalization normalization) {
		ModelInfo info = ModelInfo.read(model);
		if (!Files.isDirectory(ModelFolder.best(model))) throw new BadInputException(model,
			"has no trained weights (best/) to start from");
		String key = DatasetSettings.NORMALIZATION.key() + "=";
		if (!normalization.key().equals(info.normalization)) throw new BadInputException(model, "was trained with "
			+ key + info.normalization + " but this run uses " + key + normalization.key() + "; "
			+ WarmStart.INIT_MODEL.key() + " needs the same normalisation");
		return info;
	}

	/** A warm start needs the network this run builds (known once the data is read). */
	private static void checkStartingNetwork(Path model, ModelInfo start, UNetConfig network) {
		if (!start.network().equals(network)) throw new BadInputException(model, "has the network " + start.network()
			+ " but this run builds " + network + "; " + WarmStart.INIT_MODEL.key()
			+ " needs a model with the same classes, " + LoopSettings.BASE_CHANNELS.key() + ", "
			+ LoopSettings.DIMENSIONS.key() + " and heads");
	}

	private static void checkOutput(TrainingRequest r) throws IOException {
		if (Files.isRegularFile(r.output())) throw new BadInputException(r.output(),
			"is a file; output must be a model folder");
		if (Files.isDirectory(r.output())) ModelFolder.recover(r.output());
		boolean hasModel = Files.isRegularFile(r.output().resolve(ModelInfo.FILE));
		if (r.resume() && !Checkpoint.exists(ModelFolder.checkpoint(r.output()))) throw new BadInputException(r
			.output(), "has no checkpoint to resume from");
		if (!r.resume() && hasModel) throw new BadInputException(r.output(),
			"already holds a model; choose another output folder, delete it, or set resume=true to continue it");
	}

	/** Refuses slices (and, in 3D, volumes) smaller than the patch, naming the case; {@code allow_padding=false}. */
	private static void checkNoPadding(Dataset data, TrainingSettings s) {
		int[] p = s.patchShape();
		int ph = p[p.length - 2], pw = p[p.length - 1];
		String given = LoopSettings.PATCH_SIZE.key() + "=" + LoopSettings.PATCH_SIZE.format(s.values().get(
			LoopSettings.PATCH_SIZE)) + "; choose a smaller " + LoopSettings.PATCH_SIZE.key() + " or set "
			+ DatasetSettings.ALLOW_PADDING.key() + "=true";
		if (p.length == 3) {
			Map<String, Integer> depth = new LinkedHashMap<>();
			for (TrainingSlice t : data.slices())
				depth.merge(t.caseName(), 1, Integer::sum);
			depth.forEach((name, d) -> {
				if (d < p[0]) throw new BadInputException(name + ": the volume is " + d + " slices deep, fewer than "
					+ given);
			});
		}
		for (TrainingSlice t : data.slices())
			if (t.width() < pw || t.height() < ph) throw new BadInputException(t.caseName() + ": slice " + t.z()
				+ " is " + t.width() + "x" + t.height() + ", smaller than " + given);
	}

	private static void checkScribbledClasses(Dataset data, TrainingRequest r) {
		List<Integer> missing = new ArrayList<>();
		for (int c = 0; c < data.numClasses(); c++)
			if (data.scribbleCounts()[c] == 0) missing.add(c);
		if (!missing.isEmpty()) throw new BadInputException(r.dataset(), "the scribbles have no stroke for class"
			+ (missing.size() > 1 ? "es " : " ") + missing + "; every class needs at least one scribble");
	}

	private static ModelInfo describe(TrainingRequest r, TrainingMethod method, SettingValues settings,
		UNetConfig network, Normalization normalization) {
		ModelInfo info = new ModelInfo();
		info.method = method.id();
		info.methodSettings = settings.asMap();
		info.setNetwork(network);
		info.classNames = new ArrayList<>();
		for (int c = 0; c < network.numClasses(); c++)
			info.classNames.add(c == 0 ? "background" : "class " + c);
		info.normalization = normalization.key();
		info.patchSize = r.settings().patchSize();
		info.sampling = r.settings().sampling().key();
		if (network.dimensions() == 3) info.patchShape = r.settings().patchShape();
		info.unlabelledValue = r.unlabelledValue();
		info.training = trainingMap(r);
		return info;
	}

	/** What {@code model.json} records of the run: the recorded request settings and every loop setting. */
	private static Map<String, Object> trainingMap(TrainingRequest r) {
		Map<String, Object> m = new LinkedHashMap<>();
		Map<String, Object> request = r.values().asJson();
		for (Setting<?> s : RequestSettings.RECORDED)
			m.put(s.key(), request.get(s.key()));
		m.putAll(r.settings().values().asJson());
		return m;
	}
}
