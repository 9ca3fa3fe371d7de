package org.labelefficient.bridge;

/** A stand-in engine for ChildJvmEngineTest: its command says how it behaves. */
public final class FakeEngine {

	private FakeEngine() {}

	public static void main(String[] args) throws Exception {
		System.out.println("command " + args[0] + " options " + args[1] + " window " + args[2]);
		switch (args[0]) {
			case "ok" -> {
				System.out.println(ChildJvmEngine.STATUS + 0);
				System.out.close();
				System.err.close();
				Thread.sleep(2000); // a training window left open: the caller returns before the process ends
			}
			case "bad" -> {
				System.err.println("Error: " + args[1] + ": not found");
				System.err.flush();
				System.out.println(ChildJvmEngine.STATUS + 2);
			}
			case "crash" -> System.exit(7);
			case "slow" -> {
				Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopping: saving the model")));
				System.out.println("started");
				Thread.sleep(60_000);
			}
			default -> throw new IllegalArgumentException(args[0]);
		}
		System.exit(0);
	}
}
