package dev.stay.devstack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A stand-in for an external provider (payment, notify): a WireMock server answering with the recorded-style stubs
 * under {@code wiremock/<name>/mappings} on the classpath, failures included. Tests may add stubs or verify calls
 * through {@link #server()}.
 */
public final class ProviderStub implements Engine {

    private final String name;
    private final int requestedPort;
    private final String externalUrl;

    private WireMockServer server;
    private int port;

    private ProviderStub(String name, int requestedPort, String externalUrl) {
        this.name = name;
        this.requestedPort = requestedPort;
        this.externalUrl = externalUrl;
    }

    /** @param port 0 for any free port */
    public static ProviderStub embedded(String name, int port) {
        return new ProviderStub(name, port, null);
    }

    public static ProviderStub external(String name, String url) {
        return new ProviderStub(name, 0, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isExternal() {
        return externalUrl != null;
    }

    @Override
    public synchronized void start() {
        if (isExternal()) {
            throw Engine.externalCannot("started", name);
        }
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        if (port == 0) {
            port = Ports.resolve(requestedPort);
        }
        server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress(Ports.HOST)
                .port(port)
                .usingFilesUnderClasspath("wiremock/" + name)
                .containerThreads(20)
                .jettyAcceptors(1)
                .maxRequestJournalEntries(1_000));
        server.start();
        Progress.done("devstack", name + " provider stub ready on " + url() + " (" + server.getStubMappings().size() + " stubs)", started);
    }

    @Override
    public synchronized void stop() {
        if (isExternal()) {
            throw Engine.externalCannot("stopped", name);
        }
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return isExternal() || (server != null && server.isRunning());
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return isExternal() ? externalUrl : "http://" + Ports.HOST + ":" + port;
    }

    /** The WireMock server, to add a stub for one test or verify what was sent; none for an external provider. */
    public synchronized WireMockServer server() {
        if (isExternal() || server == null) {
            throw new IllegalStateException(name + " is " + (isExternal() ? "external" : "not started"));
        }
        return server;
    }
}
