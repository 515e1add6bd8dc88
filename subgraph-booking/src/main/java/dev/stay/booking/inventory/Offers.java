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
     * A unit type is offered when {@link SaleRules} find no reason not to sell it for the stay. Prices are per room
     * and night, in the property's currency.
     *
     * @param days every unit type's nights of the stay and, when it has one, its row for the check-out day: only that
     *             day's closed-to-departure counts
     */
    static List<RoomOffer> forStay(StayRequest stay, List<SaleNight> days) {
        Map<UUID, List<SaleNight>> byUnitType = new LinkedHashMap<>();
        for (SaleNight day : days) {
            byUnitType.computeIfAbsent(day.unitTypeId(), id -> new ArrayList<>()).add(day);
        }
        List<RoomOffer> offers = new ArrayList<>();
        for (List<SaleNight> unitDays : byUnitType.values()) {
            List<SaleNight> nights = unitDays.stream().filter(d -> d.night().isBefore(stay.checkOut())).toList();
            boolean closedToDeparture = unitDays.stream()
                    .anyMatch(d -> d.night().equals(stay.checkOut()) && d.closedToDeparture());
            if (SaleRules.refusal(stay, nights, closedToDeparture).isEmpty()) {
                offers.add(offer(stay, nights, nights.stream().mapToInt(SaleNight::freeUnits).min().orElse(0)));
            }
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

    /**
     * Free cancellation ends the given hours before check-in time on the day of arrival, in the property's zone; a
     * non-refundable rate has none and keeps everything.
     */
    static RoomOffer.CancellationPolicy policy(StayRequest stay, SaleNight terms) {
        if (!terms.refundable()) {
            return new RoomOffer.CancellationPolicy(false, null, 100);
        }
        OffsetDateTime freeUntil = stay.checkIn().atTime(terms.checkInTime()).atZone(terms.zone())
                .minusHours(terms.freeCancellationHours()).toOffsetDateTime();
        return new RoomOffer.CancellationPolicy(true, freeUntil, terms.penaltyPercent());
    }

    private static RoomOffer.Money money(BigDecimal amount, int scale, String currency) {
        return new RoomOffer.Money(amount.setScale(scale, RoundingMode.HALF_EVEN).toPlainString(), currency);
    }
}
