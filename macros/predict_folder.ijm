// Segments every image of a folder with a trained model; writes label images of the same names.
//   xvfb-run -a java -jar ij.jar -batch macros/predict_folder.ijm "/path/model,/path/images,/path/predictions"
args = split(getArgument(), ",");
run("LES Predict", "model=[" + args[0] + "] input=[" + args[1] + "] output=[" + args[2] + "]");
print("predicted into " + args[2]);
