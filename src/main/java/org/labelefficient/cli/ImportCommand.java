package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.bioimage.PackageImport;
import org.labelefficient.request.Options;
import org.labelefficient.setting.SettingValues;

/** {@code import}: turns a bioimage.io model package into a model folder that {@code predict} uses. */
final class ImportCommand implements CliCommand {

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String usage() {
		return Help.usage(name(), ExportSettings.IMPORT);
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		SettingValues v = options.values(ExportSettings.IMPORT);
		options.checkAllUsed();
		PackageImport.importPackage(v.get(ExportSettings.PACKAGE), v.get(ExportSettings.IMPORT_OUTPUT), out::println);
	}
}
