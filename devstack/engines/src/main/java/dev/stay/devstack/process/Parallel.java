package dev.stay.devstack.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one action per item, each on a thread of its own, and waits for all. Starting an engine or a subgraph is
 * mostly waiting on another process, so even two cores gain from doing them side by side.
 */
public final class Parallel {

    private Parallel() {
    }

    /** @return the failures, empty when every action succeeded */
    public static <T> List<RuntimeException> each(List<T> items, Function<T, String> threadName, Consumer<T> action) {
        List<RuntimeException> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (T item : items) {
            threads.add(Thread.ofPlatform().name(threadName.apply(item)).start(() -> {
                try {
                    action.accept(item);
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new IllegalStateException("interrupted while waiting for " + thread.getName(), e));
            }
        }
        return failures;
    }
}
