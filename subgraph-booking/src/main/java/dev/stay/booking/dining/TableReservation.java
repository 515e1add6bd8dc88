package dev.stay.booking.dining;

import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

/**
 * A table reservation as the API shows it (the schema's {@code TableReservation}); {@code ownerId}, the restaurant
 * owner's, and the amounts after it are for deciding who may see it and what cancelling would refund.
 */
public record TableReservation(UUID id, String reference, String status, Restaurant restaurant, UUID tableId,
                               LocalDate date, String time, OffsetDateTime startsAt, OffsetDateTime endsAt,
                               int partySize, Money deposit, Payment payment, OffsetDateTime holdExpiresAt,
                               OffsetDateTime createdAt, Guest guest, String note, String partnerReference,
                               UUID ownerId, int depositRefundableHours, BigDecimal charged, BigDecimal refunded) {

    /** The guest, a {@code User} the users subgraph owns, known here by its id. */
    public record Guest(UUID id) {}

    /** The schema's {@code Payment}. */
    public record Payment(String status, Money charged, Money refunded, Money refundDue) {}

    /** An amount in a currency, written with that currency's own decimals. */
    public record Money(String amount, String currency) {

        public static Money of(BigDecimal amount, String currency) {
            if (amount == null) {
                return null;
            }
            int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString(), currency);
        }
    }

    /** Whether this viewer may see it: its guest, the restaurant's owner (holding the role), or an admin. */
    public boolean visibleTo(Viewer viewer) {
        return viewer.mayActFor(guest.id()) || viewer.mayManageFor(ownerId);
    }

    /** What the guest has paid and not been given back. */
    BigDecimal paid() {
        return (charged == null ? BigDecimal.ZERO : charged).subtract(refunded == null ? BigDecimal.ZERO : refunded);
    }
}
