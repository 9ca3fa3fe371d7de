package org.labelefficient.spark;

import java.io.Serializable;

/** One unit of work shipped to an executor: an input file and its output (a prediction), or a case to evaluate. */
record FileTask(String name, String input, String output) implements Serializable {}
