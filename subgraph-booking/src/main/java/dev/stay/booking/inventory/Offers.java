package dev.stay.booking.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns the nights of a property's unit types into the offers a party can book for its stay. */
final class Offers {

    private Offers() {}

    /**
     * A unit type is offered when it sleeps the party, is open and priced on every night of the stay and has the
     * rooms asked for free on each of them. Prices are per room and night, in the property's currency.
     */
    static List<RoomOffer> forStay(StayRequest stay, List<SaleNight> nights) {
        Map<UUID, List<SaleNight>> byUnitType = new LinkedHashMap<>();
        for (SaleNight night : nights) {
            byUnitType.computeIfAbsent(night.unitTypeId(), id -> new ArrayList<>()).add(night);
        }
        int stayNights = stay.nights().size();
        List<RoomOffer> offers = new ArrayList<>();
        for (List<SaleNight> unitNights : byUnitType.values()) {
            SaleNight first = unitNights.getFirst();
            if (unitNights.size() != stayNights || first.maxGuests() < stay.guestsPerRoom()) {
                continue;
            }
            int available = unitNights.stream()
                    .mapToInt(n -> n.closed() || n.price() == null ? 0 : n.freeUnits()).min().orElse(0);
            if (available < stay.rooms()) {
                continue;
            }
            offers.add(offer(stay, unitNights, available));
        }
        offers.sort((a, b) -> new BigDecimal(a.totalPrice().amount()).compareTo(new BigDecimal(b.totalPrice().amount())));
        return offers;
    }

    private static RoomOffer offer(StayRequest stay, List<SaleNight> unitNights, int available) {
        SaleNight first = unitNights.getFirst();
        int scale = Currency.getInstance(first.currency()).getDefaultFractionDigits();
        List<RoomOffer.NightlyPrice> prices = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (SaleNight night : unitNights) {
            prices.add(new RoomOffer.NightlyPrice(night.night(), money(night.price(), scale, first.currency())));
            total = total.add(night.price());
        }
        total = total.multiply(BigDecimal.valueOf(stay.rooms()));
        return new RoomOffer(new RoomOffer.RoomTypeRef(first.unitTypeId()), available, prices,
                money(total, scale, first.currency()), policy(stay, first));
    }

    /** Free cancellation ends the given hours before check-in time on the day of arrival, in the property's zone. */
    private static RoomOffer.CancellationPolicy policy(StayRequest stay, SaleNight terms) {
        OffsetDateTime freeUntil = terms.freeCancellationHours() == 0 ? null
                : stay.checkIn().atTime(terms.checkInTime()).atZone(terms.zone())
                        .minusHours(terms.freeCancellationHours()).toOffsetDateTime();
        return new RoomOffer.CancellationPolicy(freeUntil, terms.penaltyPercent());
    }

    private static RoomOffer.Money money(BigDecimal amount, int scale, String currency) {
        return new RoomOffer.Money(amount.setScale(scale, RoundingMode.HALF_EVEN).toPlainString(), currency);
    }
}
