package dev.stay.catalog.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Booking's sale rules, read from the projection: each test sets one rule on one room type and asks
 * {@link BookableStays} about stays it does and does not allow, in one statement over the real PostgreSQL.
 */
@SubgraphTest
class BookableStaysIT {

    @Autowired BookableStays stays;
    @Autowired DSLContext db;
    Projected projected;
    final LocalDate in = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(30);

    @BeforeEach
    void fixtures() {
        projected = new Projected(db);
    }

    @Test
    void theLowestTotalIsTheCheapestRoomTypeForEveryNightAndRoomOwnPricesOverBase() {
        UUID hotel = projected.aPublishedHotel();
        UUID cheap = projected.aRoomType(hotel, "80.00");
        projected.aRoomType(hotel, "95.00");
        projected.aNight(cheap, in.plusDays(1), n -> n.setPrice(new BigDecimal("120.00")));

        assertThat(total(hotel, stay(3, 2, 1))).isEqualByComparingTo("280.00");
        assertThat(total(hotel, stay(3, 4, 2))).as("two rooms").isEqualByComparingTo("560.00");
        assertThat(stays.lowestTotals(List.of(hotel), stay(3, 2, 1)).get(hotel).currency()).isEqualTo("EUR");
        projected.aNight(cheap, in, n -> n.setPrice(new BigDecimal("150.00")));
        assertThat(total(hotel, stay(3, 2, 1))).as("now the other room type is cheaper").isEqualByComparingTo("285.00");
    }

    @Test
    void anUnpricedRoomTypeSellsOnlyNightsWithTheirOwnPrice() {
        UUID hotel = projected.aPublishedHotel();
        UUID unpriced = projected.aRoomType(hotel, null);
        projected.aNight(unpriced, in, n -> n.setPrice(new BigDecimal("60.00")));

        assertThat(total(hotel, stay(1, 1, 1))).isEqualByComparingTo("60.00");
        assertThat(stays.lowestTotals(List.of(hotel), stay(2, 1, 1))).as("the second night has no price").isEmpty();
        assertThat(stays.lowestBasePrices(List.of(hotel))).as("no base price").isEmpty();
    }

    @Test
    void eachRoomSleepsItsShareOfTheParty() {
        UUID hotel = projected.aPublishedHotel();
        projected.aRoomType(hotel, "100.00", r -> r.setMaxGuests(3));

        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 3, 1))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 4, 1))).isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 6, 2))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 7, 2))).as("4 in one room").isEmpty();
    }

    @Test
    void aClosedNightOfTheStayRefusesItButNotTheCheckOutDay() {
        UUID hotel = projected.aPublishedHotel();
        UUID room = projected.aRoomType(hotel, "100.00");
        projected.aNight(room, in.plusDays(2), n -> n.setClosed(true));

        assertThat(stays.lowestTotals(List.of(hotel), stay(3, 2, 1))).isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(2, 2, 1))).as("leaves the morning of the closed night")
                .containsKey(hotel);
    }

    @Test
    void closedToArrivalCountsOnTheArrivalNightAndClosedToDepartureOnTheCheckOutDay() {
        UUID hotel = projected.aPublishedHotel();
        UUID room = projected.aRoomType(hotel, "100.00");
        projected.aNight(room, in, n -> n.setClosedToArrival(true).setClosedToDeparture(true));
        projected.aNight(room, in.plusDays(3), n -> n.setClosedToDeparture(true).setClosedToArrival(true));

        assertThat(stays.lowestTotals(List.of(hotel), stay(2, 2, 1))).as("arrives on a night closed to arrival").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(2, 4, 2, 1))).as("stays over a night closed to both")
                .containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 3, 2, 1))).as("leaves on a day closed to departure")
                .isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(-1, 0, 2, 1))).as("leaves on a day closed to departure")
                .isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(-1, 1, 2, 1))).as("stays over it").containsKey(hotel);
    }

    @Test
    void theArrivalNightsStayLimitsOrTheRoomTypesApply() {
        UUID hotel = projected.aPublishedHotel();
        UUID room = projected.aRoomType(hotel, "100.00", r -> r.setMinStay(2).setMaxStay(4));
        projected.aNight(room, in.plusDays(1), n -> n.setMinStay(3).setMaxStay(3));

        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 2, 1))).as("room type's minimum 2").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(2, 2, 1))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(4, 2, 1))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(5, 2, 1))).as("room type's maximum 4").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 2, 2, 1))).as("arrival night's minimum 3").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 3, 2, 1))).as("arrival night's minimum 3").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 4, 2, 1))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(1, 5, 2, 1))).as("arrival night's maximum 3").isEmpty();
    }

    @Test
    void everyNightNeedsTheRoomsAskedForFree() {
        UUID hotel = projected.aPublishedHotel();
        UUID room = projected.aRoomType(hotel, "100.00", r -> r.setDefaultUnits(3));
        projected.aNight(room, in.plusDays(1), n -> n.setTakenUnits(2));
        projected.aNight(room, in.plusDays(2), n -> n.setTotalUnits(6).setTakenUnits(1));

        assertThat(stays.lowestTotals(List.of(hotel), stay(3, 2, 1))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(3, 4, 2))).as("one room left on the second night").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(2, 4, 4, 4))).as("the third night has 5 free, the "
                + "fourth the default 3").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), stay(2, 3, 5, 5))).as("the third night alone").containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(3, 4, 3, 3))).as("the default 3").containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), stay(3, 4, 4, 4))).as("past the third: the default 3").isEmpty();
    }

    @Test
    void onlyActiveRoomTypesOfPublishedHotelsAreSold() {
        UUID draft = projected.aHotel(PropertyStatus.DRAFT, "EUR", "Europe/Lisbon");
        projected.aRoomType(draft, "100.00");
        UUID hotel = projected.aPublishedHotel();
        UUID removed = projected.aRoomType(hotel, "50.00", r -> r.setActive(false));
        projected.aRoomType(hotel, "100.00");

        assertThat(stays.lowestTotals(List.of(draft, hotel, UUID.randomUUID()), stay(1, 2, 1)))
                .containsOnlyKeys(hotel).extractingByKey(hotel).extracting(LowestTotal::total)
                .isEqualTo(new BigDecimal("100.00"));
        assertThat(stays.lowestBasePrices(List.of(draft, hotel))).containsExactly(Map.entry(hotel,
                new BigDecimal("100.00")));
        projected.update(removed, r -> r.setActive(true));
        assertThat(stays.lowestBasePrices(List.of(hotel))).containsEntry(hotel, new BigDecimal("50.00"));
    }

    @Test
    void stayThatAvailabilityRefusesIsOfferedNowhere() {
        UUID hotel = projected.aPublishedHotel();
        projected.aRoomType(hotel, "100.00", r -> r.setMaxGuests(20).setDefaultUnits(20));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Lisbon"));

        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(today, today.plusDays(1), 1, 1))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(today.minusDays(1), today.plusDays(1), 1, 1)))
                .as("in the past").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(today.plusDays(550), today.plusDays(551), 1, 1)))
                .containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(today.plusDays(551), today.plusDays(552), 1, 1)))
                .as("too far ahead").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(in, in.plusDays(30), 1, 1))).containsKey(hotel);
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(in, in.plusDays(31), 1, 1))).as("too long").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(in, in, 1, 1))).as("no night").isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(in, in.plusDays(1), 1, 2))).as("a room empty")
                .isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(in, in.plusDays(1), 37, 10))).isEmpty();
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(in, in.plusDays(1), Integer.MAX_VALUE, 1))).isEmpty();
        assertThat(stays.lowestTotals(List.of(), stay(1, 1, 1))).isEmpty();
    }

    @Test
    void totalsKeepTheCurrencysDecimals() {
        UUID hotel = projected.aHotel(PropertyStatus.PUBLISHED, "KWD", "Asia/Kuwait");
        projected.aRoomType(hotel, "12.345");

        assertThat(stays.lowestTotals(List.of(hotel), stay(3, 2, 1)).get(hotel))
                .isEqualTo(new LowestTotal(hotel, new BigDecimal("37.035"), "KWD"));
    }

    private BigDecimal total(UUID hotel, StayQuery stay) {
        return stays.lowestTotals(List.of(hotel), stay).get(hotel).total();
    }

    private StayQuery stay(int nights, int guests, int rooms) {
        return new StayQuery(in, in.plusDays(nights), guests, rooms);
    }

    /** Arriving {@code fromDay} days after {@link #in}, leaving {@code toDay} days after it. */
    private StayQuery stay(int fromDay, int toDay, int guests, int rooms) {
        return new StayQuery(in.plusDays(fromDay), in.plusDays(toDay), guests, rooms);
    }
}
