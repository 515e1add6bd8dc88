package dev.stay.booking.dininglife;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.common.outbox.Outbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Announces the steps after a reservation is made on {@code booking.reservation} (keyed by restaurant id, so a
 * restaurant's facts stay in order), through the outbox in the transaction that takes the step, with the contract's
 * whole-state payload {@link ReservationEvent}.
 */
@Component
class LifecycleEvents {

    static final String TOPIC = "booking.reservation";
    static final String SEATED = "reservation.seated";
    static final String COMPLETED = "reservation.completed";
    static final String NO_SHOW = "reservation.no-show";

    /** The contract's payload of every {@code booking.reservation} event. */
    record ReservationEvent(UUID reservationId, String reference, UUID restaurantId, UUID tableId, UUID guestId,
                            LocalDate date, LocalTime time, Instant startsAt, Instant endsAt, int partySize,
                            String status, String deposit, String currency, int version, Instant occurredAt) {}

    private final Outbox outbox;

    LifecycleEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param type one of this class's types; the reservation as the step left it (version bumped) */
    void publish(String type, TableReservationRecord r, Instant at) {
        outbox.append(TOPIC, r.getRestaurantId().toString(), type, new ReservationEvent(r.getId(), r.getReference(),
                r.getRestaurantId(), r.getTableId(), r.getGuestId(), r.getDay(), r.getLocalTime(),
                r.getStartsAt().toInstant(), r.getEndsAt().toInstant(), r.getPartySize(), r.getStatus(),
                decimal(r.getDeposit(), r.getCurrency()), r.getCurrency(), r.getVersion(), at));
    }

    private static String decimal(BigDecimal amount, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
