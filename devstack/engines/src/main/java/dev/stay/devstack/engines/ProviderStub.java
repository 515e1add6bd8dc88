package dev.stay.devstack.engines;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.stay.devstack.process.Ports;
import java.net.URI;

/**
 * A stand-in for an external provider (payment, notify): a WireMock server answering with the recorded-style stubs
 * under {@code wiremock/<name>/mappings} on the classpath, failures included. Tests may add stubs or verify calls
 * through {@link #server()}.
 */
public final class ProviderStub extends Engine<ProviderStub.Stub> {

    private final int port;
    private final String url;
    /** The payment provider's webhook: sends nothing until {@link #callBackTo} names where. */
    private final PaymentCallbacks callbacks = new PaymentCallbacks();

    private ProviderStub(String name, int port, String url, boolean external) {
        super(name, external);
        this.port = port;
        this.url = url;
    }

    /** @param port 0 for any free port */
    public static ProviderStub embedded(String name, int port) {
        int chosen = Ports.resolve(port);
        return new ProviderStub(name, chosen, "http://" + Ports.HOST + ":" + chosen, false);
    }

    public static ProviderStub external(String name, String url) {
        return new ProviderStub(name, 0, url.endsWith("/") ? url.substring(0, url.length() - 1) : url, true);
    }

    /** WireMock answers once {@code start()} returns. */
    @Override
    Stub launch() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress(Ports.HOST)
                .port(port)
                .usingFilesUnderClasspath("wiremock/" + name())
                .containerThreads(20)
                .jettyAcceptors(1)
                // tests prove money by this journal (every charge has its booking): it must outlive a test JVM's
                // whole run, the randomised booking history's thousands of payments included, not only the last 1,000
                .maxRequestJournalEntries(50_000)
                .extensions(new IdempotentMessages(), callbacks));
        server.start();
        return new Stub(server);
    }

    @Override
    void ready(Stub launched) {
    }

    @Override
    String readyLine() {
        return name() + " provider stub ready on " + url + " (" + server().getStubMappings().size() + " stubs)";
    }

    /**
     * From now on, the stubs that name {@code stay-payment-callback} (the payment stub's {@code tok_timeout} charge)
     * call {@code webhookUrl} back with the charge's outcome, signed with {@code secret}, as the real provider does.
     */
    public void callBackTo(URI webhookUrl, String secret) {
        if (isExternal()) {
            throw new IllegalStateException(name() + " is external: register the webhook with the provider itself");
        }
        callbacks.callBackTo(webhookUrl, secret);
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return url;
    }

    /** The WireMock server, to add a stub for one test or verify what was sent; none for an external provider. */
    public WireMockServer server() {
        Stub stub = current();
        if (stub == null) {
            throw new IllegalStateException(name() + " is " + (isExternal() ? "external" : "not started"));
        }
        return stub.server();
    }

    record Stub(WireMockServer server) implements Running {

        @Override
        public boolean isAlive() {
            return server.isRunning();
        }

        @Override
        public void stop() {
            server.stop();
        }
    }
}
