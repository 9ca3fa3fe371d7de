package org.labelefficient.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labelefficient.io.AtomicFiles;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Sampling;
import org.labelefficient.nn.UNetConfig;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The contents of a model folder's {@code model.json}: what the network predicts (classes), how its input must be
 * prepared (normalisation, tile size), how it was trained (method, all settings, history) and which format version
 * wrote it. Field names are written in snake_case.
 */
public final class ModelInfo {

	/** The format this code writes and reads. */
	public static final int FORMAT_VERSION = 1;
	/** File name inside a model folder. */
	public static final String FILE = "model.json";

	private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(
		FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).setPrettyPrinting().serializeSpecialFloatingPointValues()
		.create();

	public int formatVersion = FORMAT_VERSION;
	public String method;
	public Map<String, String> methodSettings = new LinkedHashMap<>();
	public int numClasses;
	public List<String> classNames = new ArrayList<>();
	public int[] channels;
	public double[] dropout;
	public boolean deepSupervision;
	/** Decoders sharing the encoder (0 in files written before the field existed: read as 1). */
	public int decoders = 1;
	/** 3 for a volumetric network; null (not written) for a 2D one, so 2D records keep their form. */
	public Integer dimensions;
	/** The pooling factors ({@code z, y, x}) of each level of a 3D network; null for a 2D one. */
	public int[][] pooling;
	public String normalization;
	public int patchSize;
	/** What the network saw of a slice ({@link Sampling}); absent (read as crop) in files written before it. */
	public String sampling;
	/** The training patch {@code z, y, x} of a 3D network (its prediction window); null for a 2D one. */
	public int[] patchShape;
	public int unlabelledValue;
	public Map<String, Object> training = new LinkedHashMap<>();
	public int iterationsDone;
	public int bestIteration = -1;
	public double bestValidationDice = Double.NaN;
	public double secondsTrained;
	public List<HistoryEntry> history = new ArrayList<>();

	/** The network architecture. */
	public UNetConfig network() {
		UNetConfig flat = new UNetConfig(1, numClasses, channels, dropout, deepSupervision, Math.max(1, decoders));
		return dimensions() == 3 ? flat.volumetric(pooling) : flat;
	}

	/** The network's spatial dimensions: 2 (slices) or 3 (volumes). */
	public int dimensions() {
		return dimensions == null ? 2 : dimensions;
	}

	/** What the network saw of a slice in training, and so must see in prediction. */
	public Sampling sampling() {
		return Sampling.parse(sampling);
	}

	/** Sets the architecture fields from {@code config}. */
	public void setNetwork(UNetConfig config) {
		numClasses = config.numClasses();
		channels = config.channels();
		dropout = config.dropout();
		deepSupervision = config.deepSupervision();
		decoders = config.decoders();
		dimensions = config.dimensions() == 3 ? 3 : null;
		pooling = config.dimensions() == 3 ? config.pooling() : null;
	}

	/** A description for people: method and settings, classes, network, training and its history. */
	public String describe(Path dir) {
		StringBuilder b = new StringBuilder();
		b.append("Model ").append(dir).append('\n');
		b.append("  method ").append(method).append(' ').append(methodSettings).append('\n');
		b.append("  classes ").append(numClasses).append(' ').append(classNames).append('\n');
		b.append("  network ").append(network()).append('\n');
		b.append("  normalization ").append(normalization).append(", patch size ").append(patchShape == null ? String
			.valueOf(patchSize) : java.util.Arrays.toString(patchShape)).append(", sampling ")
			.append(sampling().key()).append('\n');
		b.append("  training ").append(training).append('\n');
		b.append(String.format("  %d iterations in %.0f s; best validation Dice %.4f at iteration %d%n", iterationsDone,
			secondsTrained, bestValidationDice, bestIteration));
		for (HistoryEntry h : history)
			b.append(String.format("    iteration %6d  loss %.4f  validation Dice %.4f%n", h.iteration(), h.loss(), h
				.validationDice()));
		return b.toString();
	}

	/** Writes {@code model.json} into {@code dir} atomically. */
	public void write(Path dir) throws IOException {
		AtomicFiles.writeString(dir.resolve(FILE), GSON.toJson(this));
	}

	/** Reads and checks {@code model.json} of a model folder. */
	public static ModelInfo read(Path dir) {
		Path file = dir.resolve(FILE);
		if (!Files.isDirectory(dir)) throw new BadInputException(dir, "model folder not found");
		if (!Files.isRegularFile(file)) throw new BadInputException(file,
			"missing: this folder is not a model written by Label-Efficient Segmentation");
		ModelInfo info;
		try {
			info = GSON.fromJson(Files.readString(file), ModelInfo.class);
		}
		catch (IOException | JsonParseException e) {
			throw new BadInputException(file, "cannot be read (" + e.getMessage() + ")", e);
		}
		if (info == null) throw new BadInputException(file, "is empty");
		if (info.formatVersion != FORMAT_VERSION) throw new BadInputException(file, "has format version "
			+ info.formatVersion + " but this version of the plugin reads version " + FORMAT_VERSION);
		if (info.channels == null || info.dropout == null || info.numClasses < 2 || info.normalization == null)
			throw new BadInputException(file, "is incomplete (network or normalisation missing)");
		if (info.dimensions() == 3 && (info.pooling == null || info.pooling.length != info.channels.length - 1
			|| info.patchShape == null || info.patchShape.length != 3)) throw new BadInputException(file,
				"describes a 3D network without one pooling step per level and a z,y,x patch shape");
		return info;
	}
}
