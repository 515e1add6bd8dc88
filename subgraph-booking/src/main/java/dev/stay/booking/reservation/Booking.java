package dev.stay.booking.reservation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A booking as the API shows it (the schema's {@code Booking}); {@code ownerId}, the hotel owner's, is only for
 * deciding who may see it. {@code hotel} is the inventory's own hotel ({@code RoomsForBooking.hotel}), so that
 * {@code booking { hotel { availability } }} resolves. {@code partnerClient} is the client id of the partner that made
 * it (null for a guest's own booking), also only for deciding who may see it.
 */
record Booking(UUID id, String reference, String status, Object hotel, Ref roomType, LocalDate checkIn,
               LocalDate checkOut, int guests, int rooms, List<NightlyPrice> nightlyPrices, Money totalPrice,
               Payment payment, OffsetDateTime holdExpiresAt, OffsetDateTime createdAt, Ref guest, String note,
               String partnerReference, UUID ownerId, String partnerClient, Policy cancellationPolicy,
               BigDecimal total, BigDecimal charged, BigDecimal refunded) {

    /** The schema's {@code CancellationPolicy}, as the booking was made under it. */
    record Policy(boolean refundable, OffsetDateTime freeCancellationUntil, int penaltyPercent) {

        /** The schema's {@code CancellationPolicy.noShowPenaltyPercent}. */
        public int noShowPenaltyPercent() {
            return dev.stay.booking.inventory.NoShowPenalty.percent(refundable, penaltyPercent);
        }
    }

    /** What the guest has paid and not been given back. */
    BigDecimal paid() {
        return (charged == null ? BigDecimal.ZERO : charged).subtract(refunded == null ? BigDecimal.ZERO : refunded);
    }

    /** An entity another subgraph owns (Hotel, RoomType, User), known here by its id. */
    record Ref(UUID id) {}

    record NightlyPrice(LocalDate date, Money price) {}

    /** The schema's {@code Payment}; {@code refundDue} is a refund owed that the provider has not taken yet. */
    record Payment(String status, Money charged, Money refunded, Money refundDue) {}

    /** An amount in a currency, written with that currency's own decimals. */
    record Money(String amount, String currency) {

        static Money of(BigDecimal amount, String currency) {
            if (amount == null) {
                return null;
            }
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return new Money(amount.setScale(Math.max(digits, 0), RoundingMode.HALF_EVEN).toPlainString(), currency);
        }
    }

    /**
     * Whether this viewer may see it: its guest, the owner of its hotel, or an admin; a partner (a client-credentials
     * token, whose subject is the partner's service account) only the bookings its own client made.
     */
    boolean visibleTo(dev.stay.common.security.Viewer viewer) {
        if (viewer.isAdmin()) {
            return true;
        }
        if (viewer.has(dev.stay.common.security.Viewer.PARTNER)) {
            return partnerClient != null && viewer.partnerClient().filter(partnerClient::equals).isPresent();
        }
        return viewer.mayActFor(guest.id()) || viewer.mayManageFor(ownerId);
    }
}
