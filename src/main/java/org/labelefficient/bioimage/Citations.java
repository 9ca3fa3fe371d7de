package org.labelefficient.bioimage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The papers a packaged model cites ({@code cite} of the rdf): the paper of the method that trained it (as listed in
 * docs/methods.md, References) and the network's (the U-Net of PyMIC). Each entry is a text with a DOI or a URL.
 */
final class Citations {

	private static final Map<String, String> PYMIC = entry(
		"Wang G. et al. PyMIC: A deep learning toolkit for annotation-efficient medical image segmentation. Computer Methods and Programs in Biomedicine 231, 2023 (the 2D U-Net)",
		"10.1016/j.cmpb.2023.107398", null);

	private Citations() {}

	/** The entries for a model trained with method {@code method} (its registry id). */
	static List<Map<String, String>> of(String method) {
		List<Map<String, String>> cite = new ArrayList<>();
		Map<String, String> paper = method(method);
		if (paper != null) cite.add(paper);
		cite.add(PYMIC);
		return cite;
	}

	private static Map<String, String> method(String method) {
		return switch (method == null ? "" : method) {
			case "scribsd" -> entry(
				"Qu Y. et al. ScribSD+: Scribble-supervised medical image segmentation based on simultaneous multi-scale knowledge distillation and class-wise contrastive regularization. Computerized Medical Imaging and Graphics, 2024",
				"10.1016/j.compmedimag.2024.102416", null);
			case "action" -> entry(
				"You C. et al. Bootstrapping semi-supervised medical image segmentation with anatomical-aware contrastive distillation. IPMI 2023",
				null, "https://arxiv.org/abs/2206.02307");
			case "reciprocal" -> entry("Zeng X. et al. Reciprocal learning for semi-supervised segmentation. MICCAI 2021",
				"10.1007/978-3-030-87196-3_33", null);
			case "dmpls" -> entry(
				"Luo X. et al. Scribble-supervised medical image segmentation via dual-branch network and dynamically mixed pseudo labels supervision. MICCAI 2022",
				null, "https://github.com/HiLab-git/WSL4MIS");
			case "mean-teacher" -> entry(
				"Tarvainen A., Valpola H. Mean teachers are better role models: weight-averaged consistency targets improve semi-supervised deep learning results. NeurIPS 2017",
				null, "https://arxiv.org/abs/1703.01780");
			case "em" -> entry("Grandvalet Y., Bengio Y. Semi-supervised learning by entropy minimization. NeurIPS 2004",
				null, "https://papers.nips.cc/paper/2740-semi-supervised-learning-by-entropy-minimization");
			default -> null; // supervised, pce: the network's paper says it all
		};
	}

	private static Map<String, String> entry(String text, String doi, String url) {
		Map<String, String> e = new LinkedHashMap<>();
		e.put("text", text);
		if (doi != null) e.put("doi", doi);
		if (url != null) e.put("url", url);
		return e;
	}
}
