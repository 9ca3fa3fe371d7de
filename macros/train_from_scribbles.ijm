// Trains a U-Net from scribbles on a folder dataset: images/ and scribbles/ with the same base names
// (optionally labels/ for validation cases listed in val_patients.txt). Works headless:
//   xvfb-run -a java -jar ij.jar -batch macros/train_from_scribbles.ijm "/path/dataset,/path/model[,iterations]"
args = split(getArgument(), ",");
dataset = args[0];
model = args[1];
iterations = 300;
if (args.length > 2) iterations = parseInt(args[2]);
run("LES Train", "dataset=[" + dataset + "] method=pce output=[" + model + "] iterations=" + iterations + " batch_size=8 patch_size=64 seed=1 unlabelled_value=255 validation_interval=100");
print("trained " + model);
