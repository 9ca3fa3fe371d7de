import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.labelefficient.model.ModelInfo;
import org.labelefficient.model.HistoryEntry;

import ij.gui.Plot;

/**
 * Learning curves from the training histories of model folders: validation mean Dice against iterations and against
 * training hours, one line per model, written as two PNG figures. A warm-started model's curve starts where its
 * starting model's ended (give the starting model as the run's {@code +<model>} to shift it), so that curves compare
 * at the same total compute.
 * Usage: java -cp "target/classes:target/lib/*" bench/Curves.java <output prefix> "<title>" <label>=<model folder>[+<starting model>] ...
 * Writes <output prefix>-iterations.png and <output prefix>-hours.png.
 */
public class Curves {

	private static final Color[] COLOURS = { Color.BLACK, new Color(0, 114, 178), new Color(213, 94, 0), new Color(0,
		158, 115), new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), Color.GRAY };

	public static void main(String[] args) throws Exception {
		Path prefix = Path.of(args[0]);
		String title = args[1];
		Plot byIterations = new Plot(title, "iterations", "validation mean Dice");
		Plot byHours = new Plot(title, "training hours (2 CPU cores)", "validation mean Dice");
		List<String> legend = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			String[] labelAndModels = args[i].split("=", 2);
			String[] models = labelAndModels[1].split("\\+");
			ModelInfo info = ModelInfo.read(Path.of(models[0]));
			double iterationOffset = 0, secondsOffset = 0;
			if (models.length > 1) {
				ModelInfo start = ModelInfo.read(Path.of(models[1]));
				iterationOffset = start.iterationsDone;
				secondsOffset = start.secondsTrained;
			}
			int n = info.history.size();
			double[] it = new double[n], hours = new double[n], dice = new double[n];
			for (int k = 0; k < n; k++) {
				HistoryEntry h = info.history.get(k);
				it[k] = h.iteration() + iterationOffset;
				hours[k] = (h.seconds() + secondsOffset) / 3600;
				dice[k] = h.validationDice();
			}
			Color c = COLOURS[(i - 2) % COLOURS.length];
			for (Plot p : new Plot[] { byIterations, byHours }) {
				p.setColor(c);
				p.setLineWidth(2);
			}
			byIterations.addPoints(it, dice, Plot.LINE);
			byHours.addPoints(hours, dice, Plot.LINE);
			legend.add(labelAndModels[0]);
		}
		Files.createDirectories(prefix.toAbsolutePath().getParent());
		for (var e : new Object[][] { { byIterations, "-iterations.png" }, { byHours, "-hours.png" } }) {
			Plot p = (Plot) e[0];
			p.setColor(Color.BLACK);
			p.setLimitsToFit(false);
			double[] limits = p.getLimits(); // room above the highest curve, which the frame would otherwise cut
			p.setLimits(limits[0], limits[1], limits[2], limits[3] + 0.03 * (limits[3] - limits[2]));
			p.addLegend(String.join("\n", legend));
			Path file = Path.of(prefix + (String) e[1]), tmp = Path.of(file + ".tmp.png");
			p.setFrameSize(720, 420);
			ImageIO.write(p.getImagePlus().getBufferedImage(), "png", tmp.toFile());
			Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			System.out.println("Wrote " + file);
		}
	}
}
