package org.labelefficient.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The engine in a Java process of its own, started from the jars of the plugin's engine folder
 * ({@code <ImageJ or Fiji>/label-efficient/engine}, never on ImageJ's class path): TensorFlow Java 1.x, JavaCPP,
 * protobuf and their native libraries then never meet the ones other plugins bring (CSBDeep, StarDist and N2V put
 * TensorFlow 1.15's {@code org.tensorflow} classes on Fiji's class path). Output lines stream back as they come; the
 * child's last output line is {@link #STATUS} and the command's exit status, after which it closes its output. See docs/install.md for why a process
 * rather than a class loader, and what it costs.
 */
public final class ChildJvmEngine implements Engine {

	/** The engine folder, relative to the ImageJ or Fiji folder. */
	public static final String FOLDER = "label-efficient/engine";
	/** The line that ends the child's output (a training window may stay open after it). */
	public static final String STATUS = "label-efficient-engine-status ";
	/** System property naming another engine folder (tests, shared installations). */
	public static final String FOLDER_PROPERTY = "labelefficient.engine";
	/** System property or environment variable with the child's JVM options, e.g. {@code -Xmx8g}. */
	public static final String JAVA_OPTIONS = "LABEL_EFFICIENT_JAVA_OPTS";

	private final Path folder;
	private final String main;

	/**
	 * The engine of {@code folder}, whose class {@code main} takes three arguments: command, options, window ({@code
	 * true}/{@code false}), and prints {@link #STATUS} and the exit status last.
	 */
	public ChildJvmEngine(Path folder, String main) {
		this.folder = folder;
		this.main = main;
	}

	/**
	 * The engine folder of the installation this class was loaded from ({@code plugins/x.jar} -> {@code
	 * label-efficient/engine} beside {@code plugins}), or the one {@link #FOLDER_PROPERTY} names; null when there is
	 * none with jars (a development class path: the engine then runs in ImageJ's own JVM).
	 */
	public static Path installedFolder() {
		String given = System.getProperty(FOLDER_PROPERTY);
		if (given != null && !given.isBlank()) return hasJars(Path.of(given)) ? Path.of(given) : null;
		try {
			Path jar = Path.of(ChildJvmEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (!Files.isRegularFile(jar) || jar.getParent() == null || jar.getParent().getParent() == null) return null;
			Path folder = jar.getParent().getParent().resolve(FOLDER);
			return hasJars(folder) ? folder : null;
		}
		catch (URISyntaxException | RuntimeException e) {
			return null;
		}
	}

	private static boolean hasJars(Path folder) {
		if (!Files.isDirectory(folder)) return false;
		try (Stream<Path> s = Files.list(folder)) {
			return s.anyMatch(p -> p.getFileName().toString().endsWith(".jar"));
		}
		catch (IOException e) {
			return false;
		}
	}

	@Override
	public String describe() {
		return "a Java process of its own from " + folder;
	}

	/** The child's command line. */
	List<String> commandLine(String command, String options, boolean window) {
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		String jvm = System.getProperty(JAVA_OPTIONS, System.getenv(JAVA_OPTIONS));
		if (jvm != null) for (String o : jvm.trim().split("\\s+"))
			if (!o.isEmpty()) cmd.add(o);
		cmd.add("-Djava.awt.headless=" + !window);
		cmd.addAll(List.of("-cp", folder.resolve("*").toString(), main, command, options, Boolean.toString(window)));
		return cmd;
	}

	@Override
	public int run(String command, String options, boolean window, Consumer<String> out, Consumer<String> err)
		throws InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(commandLine(command, options, window));
		pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
		Process p;
		try {
			p = pb.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The engine could not be started from " + folder + ": " + e.getMessage(), e);
		}
		try {
			p.getOutputStream().close(); // the child reads nothing
		}
		catch (IOException e) {
			// nothing was to be written
		}
		AtomicReference<Integer> statusLine = new AtomicReference<>();
		Thread errors = pump(p.getErrorStream(), err, null), output = pump(p.getInputStream(), out, statusLine);
		// done when both streams have ended (the child closes them after its status line, even while a training
		// window stays open), so no line arrives after run returns; the status line wins over the exit value
		CompletableFuture<Integer> status = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			try {
				output.join();
				errors.join();
				status.complete(statusLine.get() != null ? statusLine.get() : p.waitFor());
			}
			catch (InterruptedException e) {
				status.complete(130);
			}
		}, "label-efficient engine status");
		waiter.setDaemon(true);
		waiter.start();
		try {
			return status.get();
		}
		catch (InterruptedException e) {
			p.toHandle().destroy(); // SIGTERM, streams kept open: a training run stops as on Ctrl-C, saves, says so
			int s = awaitStop(p, status);
			Thread.currentThread().interrupt();
			return s;
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		}
	}

	private static int awaitStop(Process p, CompletableFuture<Integer> status) {
		try {
			return status.get(5, TimeUnit.MINUTES);
		}
		catch (TimeoutException | ExecutionException | InterruptedException e) {
			p.destroyForcibly();
			return 130;
		}
	}

	/** A thread passing the lines of {@code in} to {@code sink}; the status line goes to {@code status}. */
	private static Thread pump(InputStream in, Consumer<String> sink, AtomicReference<Integer> status) {
		Thread t = new Thread(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (String line; (line = r.readLine()) != null;) {
					if (status != null && line.startsWith(STATUS)) status.set(Integer.parseInt(line.substring(STATUS
						.length()).trim()));
					else sink.accept(line);
				}
			}
			catch (IOException | RuntimeException e) {
				// the process ended: its exit value is the status
			}
		}, "label-efficient engine output");
		t.setDaemon(true);
		t.start();
		return t;
	}
}
