#@ File (label = "Model folder or bioimage.io package (.zip)", style = "both") model
#@ Img image
#@ Boolean (label = "Probabilities and uncertainty", value = false) probabilities
#@output Img labels
#@output Img probability_maps
#@output Img uncertainty

// Segments the current image with a model trained by Label-Efficient Segmentation (docs/scripting.md).
// Open in Fiji's script editor (language: Groovy) and press Run; or run headless with PyImageJ or --headless.
import org.labelefficient.script.Segmenter

def segmenter = Segmenter.load(model.path)
try {
    if (probabilities) {
        def result = segmenter.segmentWithProbabilities(image)
        labels = result.labels()
        probability_maps = result.probabilities()   // (x, y[, z], class)
        uncertainty = result.uncertainty()          // 0 certain .. 1 undecided
    } else {
        labels = segmenter.segment(image)           // 0 = background, 1.. = classes
    }
    println "Segmented ${image.dimensionsAsLongArray()} into ${segmenter.numClasses()} classes ${segmenter.classNames()}"
} finally {
    segmenter.close()
}
