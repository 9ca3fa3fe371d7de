// Trains a U-Net from scribbles on a folder dataset: images/ and scribbles/ with the same base names
// (optionally labels/ for validation cases listed in val_patients.txt). Works headless:
//   xvfb-run -a java -jar ij.jar -batch macros/train_from_scribbles.ijm "/path/dataset,/path/model"
args = split(getArgument(), ",");
dataset = args[0];
model = args[1];
run("LES Train", "dataset=[" + dataset + "] method=pce output=[" + model + "] iterations=300 batch_size=8 patch_size=64 seed=1 unlabelled_value=255 validation_interval=100");
print("trained " + model);
