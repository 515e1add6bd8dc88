package dev.stay.booking.reservation;

import dev.stay.booking.payment.PaymentProvider;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code changeBookingDates}: the key is claimed first; the rooms are taken in one transaction ({@link MovingStay});
 * then, outside it, the difference is settled with keys of this change ({@code booking-<id>-change-<n>-...}). A
 * cheaper stay has moved already and is refunded ({@link Refunds}). A dearer one holds its old and new nights while
 * {@code paymentToken} is charged, and {@link ChangeSettlement} settles it: paid, the booking moves
 * (BookingDatesChanged); declined, it keeps its dates and the new nights are given back (PaymentDeclined); no clear
 * answer (timeout, reset, 5xx), both stays stay held until {@link PaymentReconciliation} asks the provider by key
 * (BookingChangePending). Every branch answers a typed payload.
 */
@Component
class ChangingBookingDates {

    private final IdempotencyKeys keys;
    private final MovingStay moving;
    private final PaymentProvider provider;
    private final Refunds refunds;
    private final ChangeSettlement settlement;

    ChangingBookingDates(IdempotencyKeys keys, MovingStay moving, PaymentProvider provider, Refunds refunds,
                         ChangeSettlement settlement) {
        this.settlement = settlement;
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
        return switch (moving.move(viewer, id, checkIn, checkOut, idempotencyKey, mayCharge)) {
            case MovingStay.Refused refused -> refused.answer();
            case MovingStay.Moved moved -> moved(id, moved);
            case MovingStay.ChargeDue due -> charged(id, due, paymentToken);
        };
    }

    private ChangeBookingPayload moved(UUID id, MovingStay.Moved moved) {
        String currency = moved.booking().getCurrency();
        if (moved.difference().signum() < 0) {
            refunds.send(id);
        }
        return new ChangeBookingPayload.BookingDatesChanged(id, Booking.Money.of(BigDecimal.ZERO, currency),
                Booking.Money.of(moved.difference().negate(), currency));
    }

    private ChangeBookingPayload charged(UUID id, MovingStay.ChargeDue due, String paymentToken) {
        var b = due.booking();
        var change = due.change();
        BigDecimal difference = change.getDifference();
        var charge = provider.charge(MovingStay.chargeKey(id, change.getChange()), difference, b.getCurrency(),
                paymentToken, b.getReference());
        return switch (settlement.apply(id, change.getChange(), charge)) {
            case PAID -> new ChangeBookingPayload.BookingDatesChanged(id, Booking.Money.of(difference, b.getCurrency()),
                    Booking.Money.of(BigDecimal.ZERO, b.getCurrency()));
            case NOT_PAID -> new ChangeBookingPayload.PaymentDeclined(id,
                    "the extra charge was declined: the booking keeps its dates");
            case OPEN -> new ChangeBookingPayload.BookingChangePending(id, change.getCheckIn(), change.getCheckOut(),
                    Booking.Money.of(difference, b.getCurrency()),
                    "the payment provider has not confirmed the extra charge yet: the booking keeps its dates, and "
                    + "the new nights are held for it until it does");
        };
    }

    private static ChangeBookingPayload rejected(BookingRejectionCode code, String field, String message) {
        return new ChangeBookingPayload.BookingRejected(code, field, message);
    }
}
