package dev.stay.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.codegen.booking.types.BookingRejectionCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoomsForBookingTest {

    static final UUID ROOM_TYPE = UUID.randomUUID();
    static final UUID HOTEL = UUID.randomUUID();
    static final LocalDate IN = LocalDate.of(2027, 3, 10);

    @Test
    void aStayWithRoomsFreeOnEveryNightIsBookableAtTheSumOfItsNightsTimesTheRooms() {
        var verdict = RoomsForBooking.judge(stay(2, 2), List.of(night(0, 3, "100.00", false), night(1, 2, "120.00", false)),
                HOTEL, 2);

        assertThat(verdict).isInstanceOfSatisfying(RoomsForBooking.Bookable.class, b -> {
            assertThat(b.total()).isEqualByComparingTo("440.00");
            assertThat(b.nightlyPrices()).extracting(RoomsForBooking.NightPrice::price)
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("100"), new BigDecimal("120"));
        });
    }

    @Test
    void oneNightShortOfRoomsSellsOutTheStay() {
        var verdict = RoomsForBooking.judge(stay(2, 2), List.of(night(0, 3, "100.00", false), night(1, 1, "100.00", false)),
                HOTEL, 2);

        assertThat(verdict).isEqualTo(new RoomsForBooking.SoldOut(1));
    }

    @Test
    void aClosedNightAnUnpricedNightOrTooBigAPartyIsRefusedWithItsCode() {
        assertThat(code(RoomsForBooking.judge(stay(1, 2), List.of(night(0, 3, "1", false), night(1, 3, "1", true)), HOTEL, 2)))
                .isEqualTo(BookingRejectionCode.CLOSED);
        assertThat(code(RoomsForBooking.judge(stay(1, 2), List.of(night(0, 3, null, false), night(1, 3, "1", false)), HOTEL, 2)))
                .isEqualTo(BookingRejectionCode.NOT_FOR_SALE);
        assertThat(code(RoomsForBooking.judge(new StayRequest(IN, IN.plusDays(2), 3, 1),
                List.of(night(0, 3, "1", false), night(1, 3, "1", false)), HOTEL, 2)))
                .isEqualTo(BookingRejectionCode.PARTY_TOO_LARGE);
        assertThat(code(RoomsForBooking.judge(stay(1, 2), List.of(), HOTEL, 2))).isEqualTo(BookingRejectionCode.NOT_FOR_SALE);
    }

    @Test
    void theSaleRulesOfAvailabilityRefuseTheBookingWithTheirOwnCodes() {
        var twoNights = stay(1, 2);
        var plain = night(1, 3, "1", false);

        assertThat(code(RoomsForBooking.judge(twoNights, List.of(ruled(0, 3, null, false, false), plain), HOTEL, 2)))
                .isEqualTo(BookingRejectionCode.MIN_STAY);
        assertThat(code(RoomsForBooking.judge(twoNights, List.of(ruled(0, 1, 1, false, false), plain), HOTEL, 2)))
                .isEqualTo(BookingRejectionCode.MAX_STAY);
        assertThat(code(RoomsForBooking.judge(twoNights, List.of(ruled(0, 1, null, true, false), plain), HOTEL, 2)))
                .isEqualTo(BookingRejectionCode.CLOSED_TO_ARRIVAL);
        assertThat(code(RoomsForBooking.judge(twoNights,
                List.of(night(0, 3, "1", false), plain, ruled(2, 1, null, false, true)), HOTEL, 2)))
                .as("the check-out day's own row: closed to departure").isEqualTo(BookingRejectionCode.CLOSED_TO_DEPARTURE);
        assertThat(RoomsForBooking.judge(twoNights, List.of(night(0, 3, "1", false), plain, ruled(2, 1, null, true, false)),
                HOTEL, 2)).as("the check-out day's other rules do not count").isInstanceOf(RoomsForBooking.Bookable.class);
    }

    private static SaleNight ruled(int day, int minStay, Integer maxStay, boolean closedToArrival,
                                   boolean closedToDeparture) {
        return new SaleNight(ROOM_TYPE, IN.plusDays(day), 3, BigDecimal.ONE, false, minStay, maxStay, closedToArrival,
                closedToDeparture, 2, true, 24, 100, "EUR", ZoneId.of("Europe/Lisbon"), LocalTime.of(15, 0));
    }

    private static BookingRejectionCode code(RoomsForBooking.Verdict verdict) {
        return ((RoomsForBooking.Refused) verdict).code();
    }

    private static StayRequest stay(int rooms, int nights) {
        return new StayRequest(IN, IN.plusDays(nights), rooms, rooms);
    }

    private static SaleNight night(int day, int free, String price, boolean closed) {
        return new SaleNight(ROOM_TYPE, IN.plusDays(day), free, price == null ? null : new BigDecimal(price), closed,
                1, null, false, false, 2, true, 24, 100, "EUR", ZoneId.of("Europe/Lisbon"), LocalTime.of(15, 0));
    }
}
