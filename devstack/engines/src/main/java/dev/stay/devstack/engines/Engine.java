package dev.stay.devstack;

/**
 * One infrastructure engine of the platform: embedded and started by this process, or external (given by an
 * environment variable) and only pointed at.
 */
public interface Engine extends AutoCloseable {

    String name();

    /** True when the endpoint came from the environment: such an engine is never started or stopped here. */
    boolean isExternal();

    void start();

    /** Stops an embedded engine; stopping an external one is refused, so a test that means to stop it cannot pass by accident. */
    void stop();

    boolean isRunning();

    /** Stops the engine if this process started it. */
    @Override
    default void close() {
        if (!isExternal() && isRunning()) {
            stop();
        }
    }

    static IllegalStateException externalCannot(String what, String name) {
        return new IllegalStateException(name + " is external (configured by environment): it cannot be " + what + " from here");
    }
}
