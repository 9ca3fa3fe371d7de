package org.labelefficient.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.labelefficient.io.BadInputException;

/**
 * Patient list files (one name per line, blank lines and {@code #} comments ignored) and the rule that matches cases
 * to listed patients: case {@code patient001_frame01} belongs to patient {@code patient001}, and a case named exactly
 * like a listed name belongs to it.
 */
public final class PatientLists {

	private PatientLists() {}

	/** The names in {@code file}, in order, or empty when the file does not exist. */
	public static Optional<List<String>> read(Path file) {
		if (!Files.isRegularFile(file)) return Optional.empty();
		try {
			LinkedHashSet<String> names = new LinkedHashSet<>();
			for (String line : Files.readAllLines(file)) {
				String name = line.strip();
				if (!name.isEmpty() && !name.startsWith("#")) names.add(name);
			}
			if (names.isEmpty()) throw new BadInputException(file, "lists no patients");
			return Optional.of(new ArrayList<>(names));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** True when {@code caseName} belongs to {@code patient}. */
	public static boolean belongs(String caseName, String patient) {
		return caseName.equals(patient) || caseName.startsWith(patient + "_");
	}

	/**
	 * The cases of the listed patients, in list order; a listed patient without any case is an error naming the
	 * list file.
	 */
	public static List<String> casesOf(List<String> patients, List<String> caseNames, Path listFile) {
		List<String> out = new ArrayList<>();
		for (String p : patients) {
			List<String> cases = caseNames.stream().filter(c -> belongs(c, p)).toList();
			if (cases.isEmpty()) throw new BadInputException(listFile, "lists '" + p
				+ "' but the dataset has no case of that name");
			out.addAll(cases);
		}
		return out;
	}
}
