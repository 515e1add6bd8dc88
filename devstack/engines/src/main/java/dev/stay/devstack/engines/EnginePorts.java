package dev.stay.devstack.engines;

import dev.stay.devstack.process.Ports;

/**
 * Ports of the embedded engines; 0 means any free port. Tests take {@link #ANY}; {@code ./platform up} takes
 * {@link #DEVELOPMENT}, so a developer's tools find the engines at the same address every time.
 */
public record EnginePorts(int postgres, int kafka, int redis, int openSearch, int payment, int notifications, int keycloak,
        int traceViewer) {

    public static final EnginePorts ANY = new EnginePorts(0, 0, 0, 0, 0, 0, 0, 0);

    public static final EnginePorts DEVELOPMENT = new EnginePorts(15432, 19092, 16379, 19200, 18081, 18082, 8180, 9411);

    /** The same ports, except that any already taken (say, by a second platform) becomes "any free port". */
    public EnginePorts orFreeIfTaken() {
        return new EnginePorts(freeOrAny(postgres), freeOrAny(kafka), freeOrAny(redis), freeOrAny(openSearch),
                freeOrAny(payment), freeOrAny(notifications), freeOrAny(keycloak), freeOrAny(traceViewer));
    }

    private static int freeOrAny(int port) {
        return port != 0 && Ports.isOpen(port) ? 0 : port;
    }
}
