package dev.stay.booking.inventory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a unit type costs for a stay, and how many of it are free on every night of it. */
record RoomOffer(RoomTypeRef roomType, int available, List<NightlyPrice> nightlyPrices, Money totalPrice,
                 CancellationPolicy cancellationPolicy) {

    /** A room type as the catalog subgraph knows it: the router resolves its name and photos. */
    record RoomTypeRef(UUID id) {}

    record NightlyPrice(LocalDate date, Money price) {}

    record Money(String amount, String currency) {}

    record CancellationPolicy(boolean refundable, OffsetDateTime freeCancellationUntil, int penaltyPercent) {

        /** The schema's {@code CancellationPolicy.noShowPenaltyPercent}. */
        public int noShowPenaltyPercent() {
            return NoShowPenalty.percent(refundable, penaltyPercent);
        }
    }
}
