package org.labelefficient.scribble;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.labelefficient.data.Annotations;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;
import org.labelefficient.setting.Setting;

/**
 * Synthetic scribbles from dense labels, for datasets that have none. In every slice, each class present gets one
 * stroke ({@link StrokePicker}): the class region is eroded by {@link Settings#margin} pixels (chessboard distance;
 * smaller margins down to 0 when it would vanish), thinned to a skeleton (Zhang–Suen), and a random connected piece
 * of the skeleton is kept, thickened only if the skeleton is too short, so that the stroke covers
 * {@link Settings#coverage} of the class's pixels in that slice. Background gets {@code coverage} times the slice's
 * foreground pixel count (in ACDC's real scribbles background and foreground carry about as many pixels) in two
 * strokes of half that each: one near the heart, on the skeleton of the background within
 * {@link Settings#backgroundBand} pixels of the foreground (about half the band away from it), and one farther out, on
 * the skeleton of the background beyond the band (real ACDC background scribbles reach 40 to 90 pixels from the heart;
 * with the near stroke alone, a network trained on ACDC took bright structures far from the heart for the left
 * ventricle, BENCHMARKS.md). When nothing lies beyond the band, the near stroke takes the whole share. A slice without
 * foreground gets a background stroke of {@code coverage / 16} of its pixels. Everything else holds the unlabelled
 * value. Deterministic for a seed: each slice and class draws from its own generator seeded from (seed, z, class).
 * With {@link #MODE} {@code volume} the strokes lie on a few planes in each of the three directions instead
 * ({@link VolumeScribbles}), for training 3D networks.
 */
public final class ScribbleGenerator {

	/** The {@code slices} mode: strokes on every slice (the 2D generator). */
	public static final String SLICES = "slices";
	/** The {@code volume} mode: strokes on a few planes across each of the three axes. */
	public static final String VOLUME = "volume";
	/** Where the strokes go: on every slice, or on a few planes in each direction of a volume. */
	public static final Setting<String> MODE = Setting.choice("scribble_mode", SLICES,
		"slices: a stroke per class on every slice; volume: strokes on the quartile planes across each of the three "
			+ "axes (for dimensions=3)", List.of(SLICES, VOLUME));
	/** The generator's settings declared as {@link Setting}s. */
	public static final List<Setting<?>> SETTINGS = List.of(MODE);

	/**
	 * Generator settings.
	 *
	 * @param coverage fraction of each foreground class's pixels (per slice) to scribble, in (0, 1]
	 * @param margin distance in pixels kept from the class border where the class is wide enough, ≥ 0
	 * @param backgroundBand width in pixels of the band around the foreground where the near background stroke lies
	 *        (the far one lies beyond it), ≥ 1
	 * @param seed random seed
	 * @param mode {@link #SLICES} or {@link #VOLUME} ({@link #MODE})
	 */
	public record Settings(double coverage, int margin, int backgroundBand, long seed, String mode) {

		/**
		 * Default coverage: ACDC's real scribbles (Valvano et al.) cover 11% to 22% of each foreground class's pixels
		 * (RV 13%, myocardium 22%, LV 11% on six volumes), and about 1.1% to 1.3% of all pixels. With 0.15 the
		 * generated scribbles of the first 4 training patients cover 1.28% of the pixels (real: 1.11%); see
		 * {@code AcdcScribbleComparisonTest}.
		 */
		public static final double DEFAULT_COVERAGE = 0.15;
		/** Default margin from the class border, in pixels. */
		public static final int DEFAULT_MARGIN = 2;
		/** Default background band around the foreground, in pixels. */
		public static final int DEFAULT_BACKGROUND_BAND = 30;

		/** Checks the ranges. */
		public Settings {
			if (!(coverage > 0 && coverage <= 1))
				throw new BadInputException("coverage must be in (0, 1], got " + coverage);
			if (margin < 0) throw new BadInputException("margin must be 0 or more, got " + margin);
			if (backgroundBand < 1) throw new BadInputException("background_band must be 1 or more, got "
				+ backgroundBand);
			mode = MODE.check(mode);
		}

		/** Settings of the {@code slices} mode. */
		public Settings(double coverage, int margin, int backgroundBand, long seed) {
			this(coverage, margin, backgroundBand, seed, SLICES);
		}

		/** The same settings in another mode. */
		public Settings withMode(String newMode) {
			return new Settings(coverage, margin, backgroundBand, seed, newMode);
		}

		/** The defaults with the given seed. */
		public static Settings defaults(long seed) {
			return new Settings(DEFAULT_COVERAGE, DEFAULT_MARGIN, DEFAULT_BACKGROUND_BAND, seed);
		}
	}

	private final Settings settings;

	/** A generator with the given settings. */
	public ScribbleGenerator(Settings settings) {
		this.settings = settings;
	}

	/** The settings. */
	public Settings settings() {
		return settings;
	}

	/**
	 * Scribbles for a dense label volume (classes 0..K-1); unscribbled voxels get {@code unlabelledValue}.
	 *
	 * @throws BadInputException for non-integer or negative labels, or labels equal to the unlabelled value
	 */
	public Volume generate(Volume label, int unlabelledValue) {
		int maxClass = checkLabels(label, unlabelledValue);
		float[] out = new float[label.data().length];
		Arrays.fill(out, unlabelledValue);
		Volume scribble = new Volume(out, label.width(), label.height(), label.depth(), label.spacing());
		if (settings.mode().equals(VOLUME)) {
			VolumeScribbles.paint(settings, label, maxClass, scribble);
			return scribble;
		}
		for (int z = 0; z < label.depth(); z++)
			scribbleSlice(label, z, maxClass, scribble);
		return scribble;
	}

	private void scribbleSlice(Volume label, int z, int maxClass, Volume scribble) {
		SliceMask foreground = SliceMask.ofValue(label, z, 0);
		for (int i = 0; i < foreground.bits.length; i++)
			foreground.bits[i] = !foreground.bits[i];
		int foregroundCount = foreground.count();
		for (int c = 0; c <= maxClass; c++) {
			SliceMask region = SliceMask.ofValue(label, z, c);
			int classCount = region.count();
			if (classCount == 0) continue;
			Random random = random(z, c);
			if (c > 0) paint(scribble, z, stroke(region, settings.coverage() * classCount, random), c);
			else if (foregroundCount == 0) paint(scribble, z, stroke(region, settings.coverage() / 16 * label
				.sliceSize(), random), c);
			else scribbleBackground(scribble, z, region, foreground, settings.coverage() * foregroundCount, random);
		}
	}

	/** The near and the far background stroke, {@code target} pixels together. */
	private void scribbleBackground(Volume scribble, int z, SliceMask background, SliceMask foreground, double target,
		Random random) {
		SliceMask band = foreground.dilate(settings.backgroundBand());
		SliceMask far = background.andNot(band);
		boolean twoStrokes = !far.isEmpty();
		paint(scribble, z, stroke(background.and(band), twoStrokes ? target / 2 : target, random), 0);
		if (twoStrokes) paint(scribble, z, stroke(far, target / 2, random), 0);
	}

	/** One stroke of about {@code target} pixels inside the region, kept away from its border by the margin. */
	private SliceMask stroke(SliceMask region, double target, Random random) {
		return StrokePicker.pick(erodeWithFallback(region), (int) Math.ceil(target), random);
	}

	/** The region eroded by the margin, or by the largest smaller margin that leaves pixels. */
	private SliceMask erodeWithFallback(SliceMask region) {
		for (int m = settings.margin(); m > 0; m--) {
			SliceMask eroded = region.erode(m);
			if (!eroded.isEmpty()) return eroded;
		}
		return region;
	}

	private Random random(int z, int c) {
		long mixed = settings.seed() * 0x9E3779B97F4A7C15L + z * 0xBF58476D1CE4E5B9L + c * 0x94D049BB133111EBL;
		return new Random(mixed);
	}

	private static void paint(Volume scribble, int z, SliceMask stroke, int c) {
		int off = z * scribble.sliceSize();
		for (int i = 0; i < stroke.bits.length; i++)
			if (stroke.bits[i]) scribble.data()[off + i] = c;
	}

	private static int checkLabels(Volume label, int unlabelledValue) {
		int max = Annotations.maxClass(label, Integer.MIN_VALUE, "label");
		for (float f : label.data()) {
			if (f < 0) throw new BadInputException("label: holds the negative value " + f
				+ "; labels must be classes 0..K-1");
			if (f == unlabelledValue) throw new BadInputException("label: holds the unlabelled value "
				+ unlabelledValue + " as a class; choose another unlabelled_value");
		}
		if (max > Annotations.MAX_CLASSES) throw new BadInputException("label: class " + max
			+ " is more than the " + Annotations.MAX_CLASSES + " classes supported");
		return max;
	}
}
