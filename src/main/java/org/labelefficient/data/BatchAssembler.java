package org.labelefficient.data;

import java.util.Random;

/** Draws and augments the samples of one batch according to a method's {@link BatchPlan}. */
public interface BatchAssembler {

	/** A batch for {@code plan}, drawn with {@code random} only (so that a run is reproducible). */
	Batch next(Random random, BatchPlan plan);
}
