package dev.stay.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.inventory.SaleRules.Reason;
import dev.stay.booking.inventory.SaleRules.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SaleRulesTest {

    static final LocalDate CHECK_IN = LocalDate.of(2027, 3, 10);
    static final UUID ROOM_TYPE = UUID.randomUUID();

    /** Three nights, two guests in one room: a double with 4 rooms free each night, no rules of its own. */
    final StayRequest threeNights = StayRequest.of(CHECK_IN, CHECK_IN.plusDays(3), 2, 1, CHECK_IN.minusDays(10));

    @Test
    void aStayOpenOnEveryNightWithRoomsFreeCanBeSold() {
        assertThat(SaleRules.refusal(threeNights, nights(3, n -> n), false)).isEmpty();
    }

    @Test
    void aMissingOrUnpricedNightIsNotForSale() {
        assertThat(SaleRules.refusal(threeNights, nights(2, n -> n), false))
                .contains(new Refusal(Reason.NOT_FOR_SALE, CHECK_IN));
        List<SaleNight> unpriced = nights(3, n -> n);
        unpriced.set(1, night(1, n -> n.price(null)));
        assertThat(SaleRules.refusal(threeNights, unpriced, false))
                .contains(new Refusal(Reason.NOT_FOR_SALE, CHECK_IN.plusDays(1)));
    }

    @Test
    void nightsOutOfDateOrderAreNotTakenForTheStay() {
        List<SaleNight> shuffled = nights(3, n -> n);
        shuffled.add(shuffled.removeFirst());

        assertThat(reason(threeNights, shuffled, false)).contains(Reason.NOT_FOR_SALE);
    }

    @Test
    void aPartyTooLargeForOneRoomIsRefused() {
        StayRequest three = StayRequest.of(CHECK_IN, CHECK_IN.plusDays(3), 3, 1, CHECK_IN.minusDays(10));

        assertThat(reason(three, nights(3, n -> n), false)).contains(Reason.PARTY_TOO_LARGE);
    }

    @Test
    void aClosedNightAnywhereInTheStayClosesIt() {
        List<SaleNight> nights = nights(3, n -> n);
        nights.set(2, night(2, n -> n.closed(true)));

        assertThat(SaleRules.refusal(threeNights, nights, false))
                .contains(new Refusal(Reason.CLOSED, CHECK_IN.plusDays(2)));
    }

    @Test
    void onlyTheArrivalNightsClosedToArrivalCounts() {
        List<SaleNight> arrivalClosed = nights(3, n -> n);
        arrivalClosed.set(0, night(0, n -> n.closedToArrival(true)));
        List<SaleNight> laterNightClosed = nights(3, n -> n);
        laterNightClosed.set(1, night(1, n -> n.closedToArrival(true)));

        assertThat(SaleRules.refusal(threeNights, arrivalClosed, false))
                .contains(new Refusal(Reason.CLOSED_TO_ARRIVAL, CHECK_IN));
        assertThat(SaleRules.refusal(threeNights, laterNightClosed, false)).isEmpty();
    }

    @Test
    void aCheckOutDayClosedToDepartureIsRefusedButANightOfTheStayClosedToDepartureIsNot() {
        assertThat(SaleRules.refusal(threeNights, nights(3, n -> n), true))
                .contains(new Refusal(Reason.CLOSED_TO_DEPARTURE, CHECK_IN.plusDays(3)));
        List<SaleNight> middleClosed = nights(3, n -> n);
        middleClosed.set(1, night(1, n -> n.closedToDeparture(true)));
        assertThat(SaleRules.refusal(threeNights, middleClosed, false)).isEmpty();
    }

    @Test
    void theArrivalNightsMinimumStayCountsAndNoOtherNights() {
        List<SaleNight> arrivalMinFour = nights(3, n -> n);
        arrivalMinFour.set(0, night(0, n -> n.minStay(4)));
        List<SaleNight> arrivalMinThree = nights(3, n -> n);
        arrivalMinThree.set(0, night(0, n -> n.minStay(3)));
        List<SaleNight> laterMinFour = nights(3, n -> n);
        laterMinFour.set(1, night(1, n -> n.minStay(4)));

        assertThat(SaleRules.refusal(threeNights, arrivalMinFour, false)).contains(new Refusal(Reason.MIN_STAY, CHECK_IN));
        assertThat(SaleRules.refusal(threeNights, arrivalMinThree, false)).as("exactly the minimum").isEmpty();
        assertThat(SaleRules.refusal(threeNights, laterMinFour, false)).isEmpty();
    }

    @Test
    void theArrivalNightsMaximumStayCounts() {
        List<SaleNight> maxTwo = nights(3, n -> n);
        maxTwo.set(0, night(0, n -> n.maxStay(2)));
        List<SaleNight> maxThree = nights(3, n -> n);
        maxThree.set(0, night(0, n -> n.maxStay(3)));

        assertThat(SaleRules.refusal(threeNights, maxTwo, false)).contains(new Refusal(Reason.MAX_STAY, CHECK_IN));
        assertThat(SaleRules.refusal(threeNights, maxThree, false)).as("exactly the maximum").isEmpty();
    }

    @Test
    void aNightWithFewerRoomsFreeThanAskedIsSoldOut() {
        StayRequest twoRooms = StayRequest.of(CHECK_IN, CHECK_IN.plusDays(3), 4, 2, CHECK_IN.minusDays(10));
        List<SaleNight> nights = nights(3, n -> n);
        nights.set(2, night(2, n -> n.free(1)));

        assertThat(SaleRules.refusal(twoRooms, nights, false)).contains(new Refusal(Reason.SOLD_OUT, CHECK_IN.plusDays(2)));
        assertThat(SaleRules.refusal(threeNights, nights, false)).as("one room asked, one free").isEmpty();
    }

    @Test
    void aClosureIsAnsweredBeforeTheRoomsAreCounted() {
        List<SaleNight> nights = nights(3, n -> n.free(0));
        nights.set(0, night(0, n -> n.free(0).closedToArrival(true)));

        assertThat(reason(threeNights, nights, false)).contains(Reason.CLOSED_TO_ARRIVAL);
    }

    private static Optional<Reason> reason(StayRequest stay, List<SaleNight> nights, boolean closedToDeparture) {
        return SaleRules.refusal(stay, nights, closedToDeparture).map(Refusal::reason);
    }

    private static List<SaleNight> nights(int count, UnaryOperator<Night> shape) {
        List<SaleNight> nights = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nights.add(night(i, shape));
        }
        return nights;
    }

    private static SaleNight night(int offset, UnaryOperator<Night> shape) {
        return shape.apply(new Night(CHECK_IN.plusDays(offset))).build();
    }

    /** A night of the double, as open as can be, to be shaped by each test. */
    static final class Night {
        final LocalDate date;
        int free = 4;
        BigDecimal price = new BigDecimal("100.00");
        boolean closed;
        int minStay = 1;
        Integer maxStay;
        boolean closedToArrival;
        boolean closedToDeparture;

        Night(LocalDate date) { this.date = date; }
        Night free(int free) { this.free = free; return this; }
        Night price(BigDecimal price) { this.price = price; return this; }
        Night closed(boolean closed) { this.closed = closed; return this; }
        Night minStay(int minStay) { this.minStay = minStay; return this; }
        Night maxStay(int maxStay) { this.maxStay = maxStay; return this; }
        Night closedToArrival(boolean c) { this.closedToArrival = c; return this; }
        Night closedToDeparture(boolean c) { this.closedToDeparture = c; return this; }

        SaleNight build() {
            return new SaleNight(ROOM_TYPE, date, free, price, closed, minStay, maxStay, closedToArrival,
                    closedToDeparture, 2, true, 24, 100, "EUR", ZoneId.of("Europe/Madrid"), LocalTime.of(15, 0));
        }
    }
}
