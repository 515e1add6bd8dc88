package dev.stay.booking.reservation;

import dev.stay.booking.payment.PaymentProvider;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code changeBookingDates}: the key is claimed first; the rooms move in one transaction ({@link MovingStay});
 * then, outside it, the difference is settled with keys of this change ({@code booking-<id>-change-<n>-...}): a
 * dearer stay is charged to {@code paymentToken}, a cheaper one refunded ({@link Refunds}, sent again until taken).
 * A declined extra charge moves the booking back to its previous dates in a new transaction (PaymentDeclined). A
 * charge with no clear answer keeps the new dates and is logged for the team: reconciling change charges is to come.
 */
@Component
class ChangingBookingDates {

    private static final Logger log = LoggerFactory.getLogger(ChangingBookingDates.class);

    private final IdempotencyKeys keys;
    private final MovingStay moving;
    private final PaymentProvider provider;
    private final Refunds refunds;

    ChangingBookingDates(IdempotencyKeys keys, MovingStay moving, PaymentProvider provider, Refunds refunds) {
        this.keys = keys;
        this.moving = moving;
        this.provider = provider;
        this.refunds = refunds;
    }

    ChangeBookingPayload change(Optional<Viewer> viewer, String id, LocalDate checkIn, LocalDate checkOut,
                                String idempotencyKey, String paymentToken) {
        if (viewer.isEmpty()) {
            return rejected(BookingRejectionCode.UNAUTHENTICATED, null, "sign in to change a booking");
        }
        if (!BookingRequest.validKey(idempotencyKey)) {
            return rejected(BookingRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        Optional<UUID> bookingId = Ids.tryParse(id);
        if (bookingId.isEmpty()) {
            return rejected(BookingRejectionCode.NOT_FOUND, "id", "no such booking");
        }
        String hash = "changeBookingDates:" + bookingId.get() + ":" + checkIn + ":" + checkOut + ":"
                + (paymentToken == null ? "" : Integer.toHexString(paymentToken.hashCode()));
        return keys.once(viewer.get().id(), idempotencyKey, hash, ChangeBookingPayload.class,
                () -> changeOnce(viewer.get(), bookingId.get(), checkIn, checkOut, idempotencyKey, paymentToken),
                ChangeBookingPayload::bookingId,
                () -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                booking -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_IN_USE, "idempotencyKey",
                        "a request with this idempotency key is still running: ask again shortly"));
    }

    private ChangeBookingPayload changeOnce(Viewer viewer, UUID id, LocalDate checkIn, LocalDate checkOut,
                                            String idempotencyKey, String paymentToken) {
        boolean mayCharge = paymentToken != null && !paymentToken.isBlank();
        MovingStay.Moved moved;
        switch (moving.move(viewer, id, checkIn, checkOut, idempotencyKey, mayCharge)) {
            case MovingStay.Refused refused -> {
                return refused.answer();
            }
            case MovingStay.Moved m -> moved = m;
        }
        var b = moved.booking();
        BigDecimal difference = moved.difference();
        BigDecimal zero = BigDecimal.ZERO;
        if (difference.signum() > 0) {
            var charge = provider.charge(MovingStay.chargeKey(id, b.getChanges()), difference, b.getCurrency(),
                    paymentToken, b.getReference());
            switch (charge.status()) {
                case SUCCEEDED -> moving.paid(id, difference);
                case DECLINED, NOT_FOUND -> {
                    moving.moveBack(moved);
                    return new ChangeBookingPayload.PaymentDeclined(id,
                            "the extra charge was declined: the booking keeps its previous dates");
                }
                default -> log.error("extra charge {} of booking {} has no clear answer: the new dates are kept; "
                        + "ask the provider by key", MovingStay.chargeKey(id, b.getChanges()), id);
            }
            return new ChangeBookingPayload.BookingDatesChanged(id, Booking.Money.of(difference, b.getCurrency()),
                    Booking.Money.of(zero, b.getCurrency()));
        }
        if (difference.signum() < 0) {
            refunds.send(id);
        }
        return new ChangeBookingPayload.BookingDatesChanged(id, Booking.Money.of(zero, b.getCurrency()),
                Booking.Money.of(difference.negate(), b.getCurrency()));
    }

    private static ChangeBookingPayload rejected(BookingRejectionCode code, String field, String message) {
        return new ChangeBookingPayload.BookingRejected(code, field, message);
    }
}
