// CoexistenceTest: a TensorFlow 1.x plugin before and after our training and prediction, in one ImageJ.
// Argument: dataset,model,test images,predictions,image (TIFF),its scribbles (TIFF),model of the current image,
// its labels (TIFF)
args = split(getArgument(), ",");
run("TF1 Graph");
run("LES Train", "dataset=[" + args[0] + "] method=pce output=[" + args[1] + "] iterations=20 batch_size=4 patch_size=64 seed=1 unlabelled_value=255 validation_interval=10");
run("TF1 Graph");
run("LES Predict", "model=[" + args[1] + "] input=[" + args[2] + "] output=[" + args[3] + "]");
run("TF1 Graph");
open(args[5]);
open(args[4]);
run("LES Train on Current Image", "scribbles=image-scribbles.tif method=pce output=[" + args[6] + "] iterations=10 patch_size=64 unlabelled_value=255 seed=1");
run("TF1 Graph");
run("LES Predict Current Image", "model=[" + args[6] + "] checkpoint=latest overlay probabilities uncertainty");
print("current image: " + getTitle() + " " + getWidth() + "x" + getHeight() + "x" + nSlices + ", " + nImages + " images");
run("TF1 Graph");
open(args[7]);
run("LES Generate Scribbles", "coverage=0.2 margin=1 seed=1 unlabelled_value=255");
getStatistics(area, mean, min, max);
print("generated: " + getTitle() + " " + getWidth() + "x" + getHeight() + "x" + nSlices + " max " + max);
selectImage("image.tif");
makeLine(10, 10, 40, 40);
roiManager("add");
roiManager("select", 0);
roiManager("rename", "class 2");
run("LES Scribbles from ROI Manager", "unlabelled_value=255");
getStatistics(area, mean, min, max);
print("from ROIs: " + getTitle() + " " + getWidth() + "x" + getHeight() + "x" + nSlices + " min " + min);
print("coexistence macro finished");
