package org.labelefficient.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits files into parts of about equal total size, so that parallel jobs (Spark partitions, job-array tasks) finish
 * together: largest file first, each into the part with the smallest total so far (the lowest index on ties). The
 * split depends only on the file paths and sizes, so every job of an array computes the same one; each file lands in
 * exactly one part. Files within a part keep path order.
 */
public final class FileBalance {

	private FileBalance() {}

	/** {@code files} in {@code parts} parts (some empty when there are fewer files than parts). */
	public static List<List<Path>> split(List<Path> files, int parts) {
		if (parts < 1) throw new IllegalArgumentException("parts must be positive: " + parts);
		record Sized(Path path, long size) {}
		List<Sized> sized = new ArrayList<>();
		for (Path f : files)
			sized.add(new Sized(f, size(f)));
		sized.sort(Comparator.comparingLong(Sized::size).reversed().thenComparing(s -> s.path().toString()));
		List<List<Path>> result = new ArrayList<>();
		long[] totals = new long[parts];
		for (int i = 0; i < parts; i++)
			result.add(new ArrayList<>());
		for (Sized s : sized) {
			int best = 0;
			for (int i = 1; i < parts; i++)
				if (totals[i] < totals[best]) best = i;
			totals[best] += Math.max(1, s.size());
			result.get(best).add(s.path());
		}
		for (List<Path> part : result)
			part.sort(Comparator.comparing(Path::toString));
		return result;
	}

	private static long size(Path f) {
		try {
			return Files.size(f);
		}
		catch (IOException e) {
			return 0; // an unreadable file fails, with its name, when it is predicted
		}
	}
}
