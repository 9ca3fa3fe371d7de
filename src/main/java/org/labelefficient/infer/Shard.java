package org.labelefficient.infer;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.labelefficient.io.BadInputException;
import org.labelefficient.setting.Setting;

/**
 * Part {@code index} of {@code count} of a prediction's input files, for job arrays (SLURM, PBS, ...) that run one
 * {@code predict} per task: task i of n passes {@code shard=i/n} with i from 0 to n-1 (SLURM's
 * {@code $SLURM_ARRAY_TASK_ID} with {@code --array=0-<n-1>}). The parts are {@link FileBalance}'s split of the
 * sorted input files by size, so the n tasks together predict every file exactly once, whatever order they run in,
 * provided the input does not change while they run.
 */
public record Shard(int index, int count) {

	public static final Setting<String> SETTING = Setting.text("shard", "0/1",
		"predict only part i of n of the input files, i from 0 to n-1 (one task of a job array); the n parts, "
			+ "balanced by file size, hold every file once");

	/** The whole input. */
	public static final Shard ALL = new Shard(0, 1);

	private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

	/** Checks {@code 0 <= index < count}. */
	public Shard {
		if (count < 1 || index < 0 || index >= count) throw wrong(index + "/" + count);
	}

	/** Parses {@code i/n}; anything else, or i outside 0..n-1, is one sentence naming the key. */
	public static Shard parse(String text) {
		Matcher m = FORM.matcher(text.trim());
		if (!m.matches()) throw wrong(text);
		return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	/** This shard's files of {@code files} (all of them for {@link #ALL}). */
	public List<Path> select(List<Path> files) {
		return count == 1 ? files : FileBalance.split(files, count).get(index);
	}

	private static BadInputException wrong(String text) {
		return new BadInputException(SETTING.key() + " must be i/n with n at least 1 and i from 0 to n-1 (task i of a "
			+ "job array of n), got " + (text.isBlank() ? "nothing" : text));
	}

	@Override
	public String toString() {
		return index + "/" + count;
	}
}
