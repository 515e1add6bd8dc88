package dev.stay.devstack.engines;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * An engine made and started only when something asks for it. OpenSearch, the provider stubs and Keycloak are slow to
 * start or seldom used, and most test JVMs need none of them; made late, an embedded one also picks its free port just
 * before it starts, so nothing else takes the port meanwhile. Until it is asked for it is in no subgraph's environment.
 * An external one is there from the start: there is nothing to start.
 */
final class OnDemand<E extends Engine<?>> {

    private final Supplier<E> factory;
    private E engine;
    private boolean closed;

    private OnDemand(Supplier<E> factory, E engine) {
        this.factory = factory;
        this.engine = engine;
    }

    static <E extends Engine<?>> OnDemand<E> embedded(Supplier<E> factory) {
        return new OnDemand<>(factory, null);
    }

    static <E extends Engine<?>> OnDemand<E> external(E engine) {
        return new OnDemand<>(() -> engine, engine);
    }

    /** The engine with its endpoint fixed, named in environments from now on, though perhaps not started yet. */
    synchronized E made() {
        refuseIfClosed();
        if (engine == null) {
            engine = factory.get();
        }
        return engine;
    }

    /** The engine, started: the first caller starts it, the others wait for it. */
    E started() {
        E made = made();
        if (!made.isExternal()) {
            made.start();
        }
        synchronized (this) {
            if (closed) { // closed while it started: it must not outlive the other engines
                made.close();
                refuseIfClosed();
            }
        }
        return made;
    }

    /** The engine if it was asked for (or is external), for the environment of a subgraph. */
    synchronized Optional<E> asked() {
        return Optional.ofNullable(engine);
    }

    /** Stops an engine this process started, also one still starting; asking for it afterwards is refused. */
    void close() {
        E made;
        synchronized (this) {
            closed = true;
            made = engine;
        }
        if (made != null) {
            made.close();
        }
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new IllegalStateException("the engines are stopped");
        }
    }
}
