package org.labelefficient.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The commands are found through the SciJava plugin index (what Fiji reads) under our menu, and every input but the
 * injected services has a snake_case name, which the macro recorder writes as the key.
 */
public class CommandIndexTest {

	private static final String PACKAGE = "org.labelefficient.command.";

	@Test
	public void everyCommandIsIndexedUnderOurMenuWithSnakeCaseInputs() {
		try (Context context = new Context(CommandService.class)) {
			Map<String, String> menus = new TreeMap<>();
			for (CommandInfo info : context.service(CommandService.class).getCommandsOfType(Command.class)) {
				if (!info.getClassName().startsWith(PACKAGE)) continue;
				menus.put(info.getClassName().substring(PACKAGE.length()), info.getMenuPath().getLeaf().getName());
				assertEquals("Plugins > Label-Efficient Segmentation > " + info.getMenuPath().getLeaf().getName(), info
					.getMenuPath().getMenuString());
				for (ModuleItem<?> input : info.inputs())
					if (!Service.class.isAssignableFrom(input.getType())) // services (SciJava's own fields too) are no keys
						assertTrue(info.getClassName() + " input " + input.getName(), input.getName().matches(
							"[a-z][a-z0-9_]*"));
			}
			Map<String, String> expected = new TreeMap<>(Map.of("TrainFromScribblesCommand", "Train from Scribbles",
				"TrainOnCurrentImageCommand", "Train on Current Image", "TrainSemiSupervisedCommand",
				"Train Semi-Supervised", "ContinueTrainingCommand", "Continue Training", "PredictImageCommand",
				"Predict (current image)", "PredictFolderCommand", "Predict Folder", "EvaluateCommand", "Evaluate",
				"ModelInfoCommand", "Model Info", "ScribblesFromRoiManagerCommand", "Scribbles from ROI Manager",
				"GenerateScribblesCommand", "Generate Scribbles"));
			expected.put("ImproveWithUnlabelledCommand", "Improve with Unlabelled Images");
			expected.put("ExportBioimageCommand", "Export to bioimage.io");
			expected.put("ImportBioimageCommand", "Import from bioimage.io");
			assertEquals(expected, menus);
		}
	}
}
