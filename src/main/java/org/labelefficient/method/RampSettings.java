package org.labelefficient.method;

import org.labelefficient.nn.Ramp;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The sigmoid ramp-up settings shared by regularised methods, as fractions of the iteration budget (PyMIC ramps from
 * iteration 2000 to 15000 of 20000: 0.1 to 0.75).
 */
final class RampSettings {

	static final Setting START = new Setting("rampup_start", "0.1",
		"fraction of the iterations where the sigmoid ramp-up of the regularisers starts");
	static final Setting END = new Setting("rampup_end", "0.75",
		"fraction of the iterations where the ramp-up reaches full weight");

	private RampSettings() {}

	/** The ramp value at the fed training progress. */
	static Operand<TFloat32> ramp(MethodContext context) {
		return Ramp.sigmoid(context.tf(), context.inputs().progress, context.settings().number(START.key()), context
			.settings().number(END.key()));
	}
}
