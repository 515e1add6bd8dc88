package dev.stay.devstack.process;

import java.util.Arrays;

/**
 * Entry point of the engines' own JVMs: {@code ParentWatch <parent pid> <main class> <args...>}. It runs the main
 * class and exits (running the engine's own shutdown hooks) as soon as the parent process is gone, so a test JVM
 * killed with SIGKILL leaves no broker or search node behind.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ParentWatch <parent pid> <main class> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("parent process " + parentPid + " is gone, stopping");
                    System.exit(0);
                }),
                () -> System.exit(0));
        Class<?> mainClass = Class.forName(args[1]);
        try {
            mainClass.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
