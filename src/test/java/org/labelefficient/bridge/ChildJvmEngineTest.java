package org.labelefficient.bridge;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The child process side of the boundary with a stand-in engine in a folder of its own: options reach it as one
 * argument, output and error lines come back apart, the status line wins over the exit value, a process that dies
 * without one gives its exit value, and interrupting the caller stops the child as SIGTERM does (its shutdown hook
 * runs: a training saves its model there).
 */
public class ChildJvmEngineTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static ChildJvmEngine engine;

	@BeforeClass
	public static void engineFolder() throws Exception {
		Path folder = tmp.newFolder("engine").toPath();
		try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(folder.resolve("fake.jar")))) {
			for (Class<?> c : List.of(FakeEngine.class, ChildJvmEngine.class)) {
				String name = c.getName().replace('.', '/') + ".class";
				jar.putNextEntry(new JarEntry(name));
				try (var in = c.getClassLoader().getResourceAsStream(name)) {
					in.transferTo(jar);
				}
				jar.closeEntry();
			}
		}
		engine = new ChildJvmEngine(folder, FakeEngine.class.getName());
	}

	private final List<String> out = new CopyOnWriteArrayList<>(), err = new CopyOnWriteArrayList<>();

	@Test
	public void optionsGoAsOneArgumentAndLinesComeBackApart() throws Exception {
		assertEquals(0, engine.run("ok", "model=[/my models/m] probabilities", false, out::add, err::add));
		assertEquals(List.of("command ok options model=[/my models/m] probabilities window false"), out);
		assertEquals(List.of(), err);
		assertEquals(2, engine.run("bad", "/no/such", false, out::add, err::add));
		assertEquals(List.of("Error: /no/such: not found"), err);
	}

	@Test
	public void aChildThatDiesWithoutAStatusLineGivesItsExitValue() throws Exception {
		assertEquals(7, engine.run("crash", "", false, out::add, err::add));
	}

	@Test
	public void interruptingTheCallerStopsTheChildThroughItsShutdownHook() throws Exception {
		AtomicInteger status = new AtomicInteger(-1);
		Thread caller = new Thread(() -> {
			try {
				status.set(engine.run("slow", "", false, out::add, err::add));
			}
			catch (InterruptedException e) {
				throw new AssertionError(e);
			}
		});
		caller.start();
		long deadline = System.currentTimeMillis() + 30_000;
		while (!out.contains("started") && System.currentTimeMillis() < deadline)
			Thread.sleep(20);
		assertTrue(out.toString(), out.contains("started"));
		caller.interrupt();
		caller.join(30_000);
		assertTrue("the stop reached the child's shutdown hook: " + out, out.contains("stopping: saving the model"));
		assertEquals("SIGTERM's exit value", 143, status.get());
	}
}
