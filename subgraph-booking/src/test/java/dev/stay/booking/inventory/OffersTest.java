package dev.stay.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OffersTest {

    static final LocalDate CHECK_IN = LocalDate.of(2026, 12, 10);
    static final UUID DOUBLE = UUID.randomUUID();
    static final UUID SUITE = UUID.randomUUID();

    @Test
    void pricesAreSummedPerNightAndMultipliedByRooms() {
        StayRequest stay = stay(3, 2, 2);
        List<SaleNight> nights = nights(DOUBLE, 5, "100.00", "120.00", "80.50");

        RoomOffer offer = Offers.forStay(stay, nights).getFirst();

        assertThat(offer.nightlyPrices()).extracting(p -> p.price().amount())
                .containsExactly("100.00", "120.00", "80.50");
        assertThat(offer.totalPrice()).isEqualTo(new RoomOffer.Money("601.00", "EUR"));
        assertThat(offer.available()).isEqualTo(5);
    }

    @Test
    void availableIsTheFewestFreeRoomsOnAnyNight() {
        List<SaleNight> nights = new ArrayList<>(nights(DOUBLE, 5, "100", "100", "100"));
        nights.set(1, night(DOUBLE, CHECK_IN.plusDays(1), 2, "100", false));

        assertThat(Offers.forStay(stay(3, 2, 1), nights).getFirst().available()).isEqualTo(2);
        assertThat(Offers.forStay(stay(3, 6, 3), nights)).as("three rooms asked, two free one night").isEmpty();
    }

    @Test
    void aClosedNightOrAMissingNightRemovesTheOffer() {
        List<SaleNight> closed = new ArrayList<>(nights(DOUBLE, 5, "100", "100", "100"));
        closed.set(2, night(DOUBLE, CHECK_IN.plusDays(2), 5, "100", true));
        List<SaleNight> missing = nights(DOUBLE, 5, "100", "100");

        assertThat(Offers.forStay(stay(3, 2, 1), closed)).isEmpty();
        assertThat(Offers.forStay(stay(3, 2, 1), missing)).isEmpty();
    }

    @Test
    void aNightWithoutAPriceIsNotForSale() {
        List<SaleNight> nights = new ArrayList<>(nights(DOUBLE, 5, "100", "100"));
        SaleNight unpriced = nights.get(1);
        nights.set(1, new SaleNight(DOUBLE, unpriced.night(), 5, null, false, 1, null, false, false, 2, true, 48, 50,
                "EUR", ZoneId.of("Europe/Lisbon"), LocalTime.of(15, 0)));

        assertThat(Offers.forStay(stay(2, 2, 1), nights)).isEmpty();
    }

    @Test
    void roomsThatSleepTooFewAreNotOfferedAndTheRestComeCheapestFirst() {
        List<SaleNight> nights = new ArrayList<>(nights(SUITE, 2, "300", "300"));
        nights.addAll(nights(DOUBLE, 9, "100", "100"));

        assertThat(Offers.forStay(stay(2, 2, 1), nights)).extracting(o -> o.roomType().id())
                .containsExactly(DOUBLE, SUITE);
        assertThat(Offers.forStay(stay(2, 3, 1), nights)).as("a double sleeps two").extracting(o -> o.roomType().id())
                .containsExactly(SUITE);
        assertThat(Offers.forStay(stay(2, 5, 1), nights)).as("nothing sleeps five in one room").isEmpty();
    }

    @Test
    void amountsUseTheCurrencysDecimals() {
        SaleNight yen = new SaleNight(DOUBLE, CHECK_IN, 4, new BigDecimal("18000.40"), false, 1, null, false, false, 2,
                true, 24, 100, "JPY", ZoneId.of("Asia/Tokyo"), LocalTime.of(15, 0));

        assertThat(Offers.forStay(stay(1, 2, 1), List.of(yen)).getFirst().totalPrice())
                .isEqualTo(new RoomOffer.Money("18000", "JPY"));
    }

    @Test
    void freeCancellationEndsTheGivenHoursBeforeCheckInTimeWhereTheHotelIs() {
        RoomOffer offer = Offers.forStay(stay(1, 2, 1), nights(DOUBLE, 3, "100")).getFirst();

        // Lisbon is on UTC in December; check-in at 15:00, 48 hours before
        assertThat(offer.cancellationPolicy().freeCancellationUntil())
                .isEqualTo(OffsetDateTime.of(2026, 12, 8, 15, 0, 0, 0, ZoneOffset.UTC));
        assertThat(offer.cancellationPolicy().penaltyPercent()).isEqualTo(50);
    }

    @Test
    void aNonRefundableRateHasNoFreeCancellation() {
        SaleNight nonRefundable = new SaleNight(DOUBLE, CHECK_IN, 3, new BigDecimal("90"), false, 1, null, false,
                false, 2, false, 48, 20, "EUR", ZoneId.of("Europe/Lisbon"), LocalTime.of(15, 0));

        RoomOffer offer = Offers.forStay(stay(1, 2, 1), List.of(nonRefundable)).getFirst();

        assertThat(offer.cancellationPolicy().refundable()).isFalse();
        assertThat(offer.cancellationPolicy().freeCancellationUntil()).isNull();
        assertThat(offer.cancellationPolicy().penaltyPercent()).as("the whole total is kept").isEqualTo(100);
    }

    @Test
    void zeroFreeHoursOfARefundableRateMeanFreeUntilTheCheckInTime() {
        SaleNight untilCheckIn = new SaleNight(DOUBLE, CHECK_IN, 3, new BigDecimal("90"), false, 1, null, false,
                false, 2, true, 0, 30, "EUR", ZoneId.of("Europe/Lisbon"), LocalTime.of(14, 0));

        RoomOffer.CancellationPolicy policy = Offers.forStay(stay(1, 2, 1), List.of(untilCheckIn)).getFirst()
                .cancellationPolicy();

        assertThat(policy.refundable()).isTrue();
        assertThat(policy.freeCancellationUntil()).isEqualTo(OffsetDateTime.of(2026, 12, 10, 14, 0, 0, 0, ZoneOffset.UTC));
        assertThat(policy.penaltyPercent()).isEqualTo(30);
    }

    @Test
    void theCheckOutDaysRowOnlyCountsForDepartureAndIsNeitherPricedNorCounted() {
        List<SaleNight> days = new ArrayList<>(nights(DOUBLE, 5, "100", "100"));
        days.add(night(DOUBLE, CHECK_IN.plusDays(2), 0, "999", true));

        RoomOffer offer = Offers.forStay(stay(2, 2, 1), days).getFirst();
        assertThat(offer.totalPrice().amount()).isEqualTo("200.00");
        assertThat(offer.available()).isEqualTo(5);

        SaleNight departure = days.removeLast();
        days.add(new SaleNight(DOUBLE, departure.night(), 5, null, false, 1, null, false, true, 2, true, 48, 50,
                "EUR", ZoneId.of("Europe/Lisbon"), LocalTime.of(15, 0)));
        assertThat(Offers.forStay(stay(2, 2, 1), days)).as("closed to departure on the check-out day").isEmpty();
    }

    private static StayRequest stay(int nights, int guests, int rooms) {
        return StayRequest.of(CHECK_IN, CHECK_IN.plusDays(nights), guests, rooms, CHECK_IN.minusDays(30));
    }

    private static List<SaleNight> nights(UUID unitType, int free, String... prices) {
        List<SaleNight> nights = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            nights.add(night(unitType, CHECK_IN.plusDays(i), free, prices[i], false));
        }
        return nights;
    }

    private static SaleNight night(UUID unitType, LocalDate date, int free, String price, boolean closed) {
        int maxGuests = unitType.equals(SUITE) ? 4 : 2;
        return new SaleNight(unitType, date, free, new BigDecimal(price), closed, 1, null, false, false, maxGuests,
                true, 48, 50, "EUR", ZoneId.of("Europe/Lisbon"), LocalTime.of(15, 0));
    }
}
