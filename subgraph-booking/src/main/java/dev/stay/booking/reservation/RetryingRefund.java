package dev.stay.booking.reservation;

import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code retryRefund}: an admin sends again a refund given up on ({@code REFUND_FAILED}, see {@link Refunds}), with
 * the refund's own key, so the provider refunds it at most once however often it is retried. Admins only: anyone
 * else is answered FORBIDDEN before the booking is looked at, so the answer tells nothing about it. The key is
 * claimed as for {@code cancelBooking} (request {@code retryRefund:<id>}): a replay answers the same and sends
 * nothing again; a booking without a failed refund answers REFUND_NOT_FAILED and changes nothing.
 */
@Component
class RetryingRefund {

    private final IdempotencyKeys keys;
    private final Refunds refunds;

    RetryingRefund(IdempotencyKeys keys, Refunds refunds) {
        this.keys = keys;
        this.refunds = refunds;
    }

    RetryRefundPayload retry(Optional<Viewer> viewer, String id, String idempotencyKey) {
        if (viewer.isEmpty()) {
            return rejected(BookingRejectionCode.UNAUTHENTICATED, null, "sign in to retry a refund");
        }
        if (!viewer.get().isAdmin()) {
            return rejected(BookingRejectionCode.FORBIDDEN, null, "only an admin may retry a refund");
        }
        if (!BookingRequest.validKey(idempotencyKey)) {
            return rejected(BookingRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        Optional<UUID> bookingId = Ids.tryParse(id);
        if (bookingId.isEmpty()) {
            return rejected(BookingRejectionCode.NOT_FOUND, "bookingId", "no such booking");
        }
        UUID admin = viewer.get().id();
        return keys.once(admin, idempotencyKey, "retryRefund:" + bookingId.get(), RetryRefundPayload.class,
                () -> retryOnce(bookingId.get()),
                RetryRefundPayload::bookingId,
                () -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                booking -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_IN_USE, "idempotencyKey",
                        "a request with this idempotency key is still running: ask again shortly"));
    }

    private RetryRefundPayload retryOnce(UUID id) {
        return switch (refunds.reopen(id)) {
            case NOT_FOUND -> rejected(BookingRejectionCode.NOT_FOUND, "bookingId", "no such booking");
            case NOT_FAILED -> rejected(BookingRejectionCode.REFUND_NOT_FAILED, "bookingId",
                    "this booking has no refund that failed: nothing to retry");
            case REOPENED -> new RetryRefundPayload.RefundRetried(id, !refunds.send(id));
        };
    }

    private static RetryRefundPayload rejected(BookingRejectionCode code, String field, String message) {
        return new RetryRefundPayload.BookingRejected(code, field, message);
    }
}
