package org.labelefficient.bioimage;

import java.nio.file.Path;
import java.util.List;

import org.labelefficient.setting.Setting;

/**
 * The settings of {@code export} (a model folder to a bioimage.io package) and {@code import} (a package to a model
 * folder), declared once for the command line, macros and the Fiji commands.
 */
public final class ExportSettings {

	/** The model folder to export. */
	public static final Setting<Path> MODEL = Setting.path("model", null, "model folder to export");
	/** The package to write. */
	public static final Setting<Path> OUTPUT = Setting.path("output", null, "bioimage.io package to write (.zip)");
	/** An image whose middle slice becomes the package's test input. */
	public static final Setting<Path> TEST_IMAGE = Setting.path("test_image", null,
		"image whose middle slice is the package's test input; default: a synthetic image").optional();
	/** The model's name in the package. */
	public static final Setting<String> NAME = Setting.text("name", "",
		"model name in the package; default: the model folder's name");
	/** Comma-separated author names. */
	public static final Setting<String> AUTHORS = Setting.text("authors", "",
		"comma-separated names of the model's authors; default: the user name");
	/** SPDX licence identifier of the weights. */
	public static final Setting<String> LICENSE = Setting.text("license", "CC-BY-4.0",
		"SPDX licence identifier of the packaged weights");

	/** The package to import. */
	public static final Setting<Path> PACKAGE = Setting.path("input", null,
		"bioimage.io model package to import (.zip or folder with rdf.yaml)");
	/** The model folder that import writes. */
	public static final Setting<Path> IMPORT_OUTPUT = Setting.path("output", null,
		"model folder to write, usable by predict");

	/** Every setting of {@code export}. */
	public static final List<Setting<?>> EXPORT = List.of(MODEL, OUTPUT, TEST_IMAGE, NAME, AUTHORS, LICENSE);
	/** Every setting of {@code import}. */
	public static final List<Setting<?>> IMPORT = List.of(PACKAGE, IMPORT_OUTPUT);

	private ExportSettings() {}
}
