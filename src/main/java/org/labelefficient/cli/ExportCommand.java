package org.labelefficient.cli;

import java.io.PrintStream;

import org.labelefficient.bioimage.ExportSettings;
import org.labelefficient.bioimage.PackageExport;
import org.labelefficient.request.Options;
import org.labelefficient.setting.SettingValues;

/** {@code export}: writes a model folder as a bioimage.io model package (docs/bioimage.md). */
final class ExportCommand implements CliCommand {

	@Override
	public String name() {
		return "export";
	}

	@Override
	public String usage() {
		return Help.usage(name(), ExportSettings.EXPORT);
	}

	@Override
	public void run(Options options, PrintStream out) throws Exception {
		SettingValues v = options.values(ExportSettings.EXPORT);
		options.checkAllUsed();
		PackageExport.export(v.get(ExportSettings.MODEL), v.get(ExportSettings.OUTPUT), v.get(ExportSettings.TEST_IMAGE),
			new PackageExport.Metadata(v.get(ExportSettings.NAME), v.get(ExportSettings.AUTHORS), v.get(
				ExportSettings.LICENSE)), out::println);
	}
}
