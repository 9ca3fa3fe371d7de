// Dice, Jaccard, HD95, ASD and ASSD of predictions against reference labels (files matched by name); writes a CSV.
//   xvfb-run -a java -jar ij.jar -batch macros/evaluate.ijm "/path/predictions,/path/labels,/path/metrics.csv"
args = split(getArgument(), ",");
run("LES Evaluate", "prediction=[" + args[0] + "] reference=[" + args[1] + "] output=[" + args[2] + "]");
print("metrics in " + args[2]);
