package dev.stay.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * What the payment provider (the devstack's WireMock stub, in this JVM) was asked: the charges of a reservation and
 * the refunds of those charges. Money is proven here, on the provider's side, not only by what booking says of it.
 */
final class PaymentJournal {

    private PaymentJournal() {
    }

    /**
     * The charge requests sent for a reservation: booking names it in the charge (its reference) or in the
     * idempotency key (its id). The same key sent twice is one charge at the provider, so callers count keys.
     */
    static List<String> chargeKeys(String reservationId, String reference) {
        return requests("/v1/charges").stream()
                .filter(r -> r.getBodyAsString().contains(reference) || key(r).contains(reservationId))
                .map(PaymentJournal::key).distinct().toList();
    }

    /** The refund requests of the charges made under these idempotency keys (the stub names a charge ch_KEY). */
    static List<LoggedRequest> refundsOf(List<String> chargeKeys) {
        return requests("/v1/refunds").stream()
                .filter(r -> chargeKeys.stream().anyMatch(key -> r.getBodyAsString().contains("\"ch_" + key + "\"")))
                .toList();
    }

    private static List<LoggedRequest> requests(String path) {
        return Stay.platform().engines().payment().server().findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static String key(LoggedRequest request) {
        String key = request.getHeader("Idempotency-Key");
        return key == null ? "" : key;
    }
}
