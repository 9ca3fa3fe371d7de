package org.labelefficient.method;

import org.labelefficient.nn.Ramp;
import org.labelefficient.setting.Setting;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The sigmoid ramp-up settings shared by regularised methods, as fractions of the iteration budget (PyMIC ramps from
 * iteration 2000 to 15000 of 20000: 0.1 to 0.75).
 */
final class RampSettings {

	static final Setting<Double> START = Setting.number("rampup_start", 0.1,
		"fraction of the iterations where the sigmoid ramp-up of the regularisers starts").atLeast(0).atMost(1);
	static final Setting<Double> END = Setting.number("rampup_end", 0.75,
		"fraction of the iterations where the ramp-up reaches full weight").atLeast(0).atMost(1);

	private RampSettings() {}

	/** The ramp value at the fed training progress. */
	static Operand<TFloat32> ramp(MethodContext context) {
		return Ramp.sigmoid(context.tf(), context.inputs().progress, context.settings().get(START), context.settings()
			.get(END));
	}
}
