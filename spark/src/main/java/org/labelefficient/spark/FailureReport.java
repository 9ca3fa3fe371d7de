package org.labelefficient.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.labelefficient.io.AtomicFiles;

/**
 * The files a job could not process, one line each naming the file and the problem, in {@code <output>.failures.txt}
 * beside the output folder or CSV (written whole). A run without failures removes the report of an earlier run, so
 * the report always describes the last run.
 */
final class FailureReport {

	private FailureReport() {}

	/** Where the report of a job writing {@code output} goes. */
	static Path of(Path output) {
		Path abs = output.toAbsolutePath().normalize();
		return abs.resolveSibling(abs.getFileName() + ".failures.txt");
	}

	/** Writes (or removes) the report and prints the failures; returns the number of failures. */
	static int write(Path output, List<FileResult> results, PrintStream err) throws IOException {
		Path report = of(output);
		List<String> lines = results.stream().filter(FileResult::failed).map(FileResult::error).sorted().toList();
		if (lines.isEmpty()) {
			Files.deleteIfExists(report);
			return 0;
		}
		AtomicFiles.writeString(report, String.join("\n", lines) + "\n");
		lines.forEach(l -> err.println("Failed: " + l));
		err.println(lines.size() + " file" + (lines.size() == 1 ? "" : "s") + " failed, the others are done; see "
			+ report);
		return lines.size();
	}
}
