package org.labelefficient.bridge;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A print stream that hands each complete line to a consumer (ImageJ's log, a SciJava log service). */
public final class Lines {

	private Lines() {}

	/** A stream whose complete lines go to {@code sink}; {@code close()} hands over what is left. */
	public static PrintStream to(Consumer<String> sink) {
		return new PrintStream(new OutputStream() {

			private final ByteArrayOutputStream line = new ByteArrayOutputStream();

			@Override
			public synchronized void write(int b) {
				if (b != '\n') line.write(b);
				else flushLine();
			}

			@Override
			public synchronized void close() {
				if (line.size() > 0) flushLine();
			}

			private void flushLine() {
				String s = line.toString(StandardCharsets.UTF_8);
				line.reset();
				sink.accept(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
			}
		}, true, StandardCharsets.UTF_8);
	}
}
