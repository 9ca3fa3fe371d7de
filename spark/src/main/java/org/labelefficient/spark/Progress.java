package org.labelefficient.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The driver's progress lines while the executors work: files done of the total, throughput and time left, e.g.
 * {@code 12/40 files done, 1.50 files/s, about 19 s left}. The count comes from a supplier (the complete outputs on
 * the shared file system), polled every {@code intervalMs}; a line is printed when it changes, and once at the end.
 */
final class Progress implements AutoCloseable {

	private final PrintStream out;
	private final int total;
	private final IntSupplier done;
	private final long start = System.nanoTime();
	private final Thread poller;
	private int last = -1;

	Progress(PrintStream out, int total, IntSupplier done, long intervalMs) {
		this.out = out;
		this.total = total;
		this.done = done;
		this.poller = new Thread(() -> {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					Thread.sleep(intervalMs);
					report(false);
				}
			}
			catch (InterruptedException e) {
				// the job ended
			}
		}, "progress");
		poller.setDaemon(true);
		poller.start();
	}

	private synchronized void report(boolean always) {
		int n = done.getAsInt();
		if (n == last && !always) return;
		last = n;
		out.println(line(n, total, (System.nanoTime() - start) / 1e9));
	}

	/** One progress line for {@code n} of {@code total} files done after {@code seconds}. */
	static String line(int n, int total, double seconds) {
		double rate = seconds > 0 ? n / seconds : 0;
		String left = n >= total ? "0 s left" : rate > 0 ? "about " + Math.round((total - n) / rate) + " s left"
			: "time left not yet known";
		return String.format(Locale.ROOT, "%d/%d files done, %.2f files/s, %s", n, total, rate, left);
	}

	@Override
	public void close() {
		poller.interrupt();
		try {
			poller.join(5000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		report(true);
	}
}
