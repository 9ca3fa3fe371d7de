package org.labelefficient.setting;

/**
 * The numbers a setting allows: an interval whose ends may be open or closed (null: unbounded), and for integers an
 * optional step the value must be a multiple of. Describes itself for error messages and help texts.
 *
 * @param step 0 for none, else the value must be a multiple of it
 * @param excluded a value inside the interval that is not allowed (null: none), such as 1 class
 */
record Bounds(Double min, boolean minOpen, Double max, boolean maxOpen, int step, Double excluded) {

	static final Bounds NONE = new Bounds(null, false, null, false, 0, null);

	Bounds from(double value, boolean open) {
		return new Bounds(value, open, max, maxOpen, step, excluded);
	}

	Bounds to(double value, boolean open) {
		return new Bounds(min, minOpen, value, open, step, excluded);
	}

	Bounds multipleOf(int value) {
		return new Bounds(min, minOpen, max, maxOpen, value, excluded);
	}

	Bounds except(double value) {
		return new Bounds(min, minOpen, max, maxOpen, step, value);
	}

	/** Whether these are exactly "above 0" ({@code positive} false: "at least 1"), which read better in words. */
	boolean isPositive(boolean integer) {
		return equals(integer ? NONE.from(1, false) : NONE.from(0, true));
	}

	/** Whether {@code v} lies within the bounds (and on the step). */
	boolean contains(double v) {
		if (min != null && (minOpen ? !(v > min) : !(v >= min))) return false;
		if (max != null && (maxOpen ? !(v < max) : !(v <= max))) return false;
		return (step == 0 || v % step == 0) && (excluded == null || v != excluded);
	}

	/** The range in words, after a noun: "in [0, 1)", " of at least 1", or "" when unbounded. */
	String describe() {
		String multiple = (step == 0 ? "" : ", a multiple of " + step) + (excluded == null ? "" : ", not "
			+ Setting.formatNumber(excluded));
		if (min != null && max != null) return " in " + (minOpen ? "(" : "[") + Setting.formatNumber(min) + ", "
			+ Setting.formatNumber(max) + (maxOpen ? ")" : "]") + multiple;
		if (min != null) return (minOpen ? " above " : " of at least ") + Setting.formatNumber(min) + multiple;
		if (max != null) return (maxOpen ? " below " : " of at most ") + Setting.formatNumber(max) + multiple;
		return multiple;
	}
}
