package org.labelefficient.infer;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.labelefficient.io.BadInputException;
import org.labelefficient.io.FileNames;

/**
 * The image files a prediction's {@code input} names, and their output files. The input is one image file, a folder
 * (its image files, not its subfolders), a glob pattern ({@code scans/*}{@code /*.nii.gz}, matched below the
 * pattern's leading folders) or a list file ({@code .txt}: one path a line, relative to the list's folder; blank
 * lines and {@code #} comments skipped). Hidden files are never inputs. Several inputs go into one output folder
 * under their own names ({@code <base>.nii.gz} for formats that are read but not written); two inputs that would
 * share an output name are refused before any work.
 */
public final class PredictionInputs {

	private PredictionInputs() {}

	/** Whether {@code input} is one image file (predicted into one output file rather than a folder). */
	public static boolean isSingleFile(Path input) {
		return Files.isRegularFile(input) && FileNames.isImage(input);
	}

	/** The input files, sorted by path; refuses an input that names none, or a listed file that is missing. */
	public static List<Path> resolve(Path input) throws IOException {
		if (isGlob(input)) return glob(input);
		if (!Files.exists(input)) throw new BadInputException(input, "not found");
		if (isSingleFile(input)) return List.of(input);
		List<Path> files;
		if (Files.isDirectory(input)) {
			try (Stream<Path> s = Files.list(input)) {
				files = s.filter(Files::isRegularFile).filter(FileNames::isImage).sorted().toList();
			}
		}
		else if (input.getFileName().toString().endsWith(".txt")) files = listed(input);
		else throw new BadInputException(input,
			"is neither an image file, a folder, a glob pattern nor a .txt list of files");
		if (files.isEmpty()) throw new BadInputException(input, "contains no image files");
		return files;
	}

	/** The output file of each input in folder {@code output}, in input order. */
	public static Map<Path, Path> outputs(List<Path> inputs, Path output) {
		Map<Path, Path> result = new LinkedHashMap<>();
		Map<String, Path> byName = new LinkedHashMap<>();
		for (Path in : inputs) {
			String name = outputName(in);
			Path other = byName.put(name, in);
			if (other != null) throw new BadInputException(in, "would be written to the same output " + name + " as "
				+ other);
			result.put(in, output.resolve(name));
		}
		return result;
	}

	/** The output file name for an input: the same name, or {@code <base>.nii.gz} for formats we do not write. */
	public static String outputName(Path input) {
		String ext = FileNames.extension(input);
		return FileNames.WRITABLE_EXTENSIONS.contains(ext) ? input.getFileName().toString() : FileNames.baseName(input)
			+ ".nii.gz";
	}

	private static boolean isGlob(Path input) {
		return input.toString().chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
	}

	private static List<Path> glob(Path input) throws IOException {
		Path pattern = input.toAbsolutePath().normalize();
		Path root = pattern.getRoot();
		int depth = 0;
		for (Path part : pattern) {
			if (isGlob(part)) break;
			root = root.resolve(part);
			depth++;
		}
		if (!Files.isDirectory(root)) throw new BadInputException(input, "starts with folder " + root
			+ ", which does not exist");
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		List<Path> files;
		try (Stream<Path> s = Files.walk(root, pattern.getNameCount() - depth)) {
			files = s.filter(matcher::matches).filter(Files::isRegularFile).filter(FileNames::isImage).sorted().toList();
		}
		if (files.isEmpty()) throw new BadInputException(input, "matches no image files");
		return files;
	}

	private static List<Path> listed(Path list) throws IOException {
		TreeSet<Path> files = new TreeSet<>();
		List<String> lines = Files.readAllLines(list);
		Path dir = list.toAbsolutePath().getParent();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty() || line.startsWith("#")) continue;
			Path f = dir.resolve(line).normalize();
			if (!Files.isRegularFile(f)) throw new BadInputException(list, "line " + (i + 1) + " names " + f
				+ ", which is not a file");
			if (!FileNames.isImage(f)) throw new BadInputException(list, "line " + (i + 1) + " names " + f
				+ ", which is not an image file");
			files.add(f);
		}
		return new ArrayList<>(files);
	}
}
