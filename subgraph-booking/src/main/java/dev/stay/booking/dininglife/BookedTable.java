package dev.stay.booking.dininglife;

import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

/**
 * A table reservation as the lifecycle shows it (the schema's {@code TableReservation}); {@code ownerId}, the
 * restaurant owner's, only decides who may see and run it.
 */
record BookedTable(UUID id, String reference, String status, Ref restaurant, UUID tableId, LocalDate date,
                   String time, OffsetDateTime startsAt, OffsetDateTime endsAt, int partySize, Money deposit,
                   Payment payment, OffsetDateTime holdExpiresAt, OffsetDateTime createdAt, Ref guest, String note,
                   String partnerReference, UUID ownerId) {

    /** An entity known here by its id (Restaurant, User). */
    record Ref(UUID id) {}

    /** The schema's {@code Payment}. */
    record Payment(String status, Money charged, Money refunded, Money refundDue) {}

    /** An amount in a currency, with that currency's own decimals. */
    record Money(String amount, String currency) {

        static Money of(BigDecimal amount, String currency) {
            if (amount == null) {
                return null;
            }
            int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN).toPlainString(), currency);
        }

        static Money zero(String currency) {
            return of(BigDecimal.ZERO, currency);
        }
    }

    /** Its guest, the restaurant's owner (holding the owner role) or an admin. */
    boolean visibleTo(Viewer viewer) {
        return viewer.mayActFor(guest.id()) || viewer.mayManageFor(ownerId);
    }
}
