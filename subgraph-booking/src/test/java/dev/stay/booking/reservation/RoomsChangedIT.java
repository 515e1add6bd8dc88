package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.reservation.BookingFixtures.answer;
import static dev.stay.booking.reservation.BookingFixtures.bookingId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.inventory.RoomsChanged;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every time bookings take or give back rooms, {@code rooms-changed} on {@code booking.inventory}, keyed by the
 * property, says what each touched night has free afterwards and its price: what search keeps its availability from.
 */
@SubgraphTest
class RoomsChangedIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired PaymentReconciliation reconciliation;
    @Autowired HoldSweeper sweeper;

    @Test
    void holdingDecliningChangingCancellingAndExpiringEachAnnounceTheRoomsFreeAfterwards() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 2);
        LocalDate first = hotel.checkIn();
        LocalDate second = first.plusDays(1);
        LocalDate third = first.plusDays(2);
        db.insertInto(INVENTORY_NIGHT).set(INVENTORY_NIGHT.UNIT_TYPE_ID, hotel.roomType())
                .set(INVENTORY_NIGHT.NIGHT, third).set(INVENTORY_NIGHT.PRICE, new BigDecimal("120.00")).execute();

        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        assertThat(roomsFree(hotel)).as("held").containsExactly(Map.of(first, 1, second, 1));

        var declined = hotel.book(UUID.randomUUID(), "declined", hotel.input("tok_decline"));
        assertThat(answer(declined)).isEqualTo("PaymentDeclined");
        assertThat(roomsFree(hotel)).as("held, then released on the decline").containsExactly(
                Map.of(first, 1, second, 1), Map.of(first, 0, second, 0), Map.of(first, 1, second, 1));

        SignedIn.as(guest, "guest");
        try {
            graphQl.document(ChangeBookingDatesIT.CHANGE).variable("id", booking.toString())
                    .variable("in", second.toString()).variable("out", third.plusDays(1).toString())
                    .variable("key", "change").variable("token", "tok_ok").execute()
                    .path("changeBookingDates.__typename").entity(String.class).isEqualTo("BookingDatesChanged");
        } finally {
            SignedIn.nobody();
        }
        var change = events(hotel).subList(events(hotel).size() - 2, events(hotel).size());
        assertThat(change.getFirst().nights()).as("a dearer change holds its old and new nights while it is charged")
                .usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactly(new RoomsChanged.Night(first, 1, new BigDecimal("100.00")),
                        new RoomsChanged.Night(second, 1, new BigDecimal("100.00")),
                        new RoomsChanged.Night(third, 1, new BigDecimal("120.00")));
        assertThat(last(hotel).nights()).as("paid: the old night it left is free again")
                .usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactly(new RoomsChanged.Night(first, 2, new BigDecimal("100.00")));

        SignedIn.as(guest, "guest");
        try {
            graphQl.document(CancelBookingIT.CANCEL).variable("id", booking.toString()).variable("key", "cancel")
                    .execute().path("cancelBooking.__typename").entity(String.class).isEqualTo("BookingCancelled");
        } finally {
            SignedIn.nobody();
        }
        assertThat(roomsFree(hotel).getLast()).as("cancelled").isEqualTo(Map.of(second, 2, third, 2));

        UUID pending = bookingId(hotel.book(UUID.randomUUID(), "pending", hotel.input("tok_timeout")));
        db.update(BOOKING).set(BOOKING.HOLD_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(BOOKING.ID.eq(pending)).execute();
        sweeper.sweep();
        assertThat(hotel.status(pending)).isEqualTo("EXPIRED");
        assertThat(roomsFree(hotel)).as("every step, in order").containsExactly(
                Map.of(first, 1, second, 1), Map.of(first, 0, second, 0), Map.of(first, 1, second, 1),
                Map.of(first, 1, second, 1, third, 1), Map.of(first, 2), Map.of(second, 2, third, 2),
                Map.of(first, 1, second, 1), Map.of(first, 2, second, 2));

        var rows = db.selectFrom(OUTBOX).where(OUTBOX.TYPE.eq("rooms-changed"))
                .and(OUTBOX.PAYLOAD.cast(String.class).contains(hotel.roomType().toString())).fetch();
        assertThat(rows).hasSize(8).allSatisfy(row -> {
            assertThat(row.getTopic()).isEqualTo("booking.inventory");
            assertThat(row.getKey()).isEqualTo(hotel.hotel().toString());
            RoomsChanged event = json.readValue(row.getPayload().data(), RoomsChanged.class);
            assertThat(event.propertyId()).isEqualTo(hotel.hotel());
            assertThat(event.currency()).isEqualTo("EUR");
        });
    }

    /** Each {@code rooms-changed} of this test's hotel, oldest first, as night → rooms free. */
    private List<Map<LocalDate, Integer>> roomsFree(BookingFixtures hotel) {
        return events(hotel).stream().map(e -> {
            Map<LocalDate, Integer> free = new TreeMap<>();
            e.nights().forEach(n -> free.put(n.night(), n.roomsFree()));
            return free;
        }).toList();
    }

    private RoomsChanged last(BookingFixtures hotel) {
        return events(hotel).getLast();
    }

    private List<RoomsChanged> events(BookingFixtures hotel) {
        return db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.KEY.eq(hotel.hotel().toString()))
                .and(OUTBOX.TYPE.eq("rooms-changed")).orderBy(OUTBOX.SEQ)
                .fetch(r -> json.readValue(r.value1().data(), RoomsChanged.class));
    }
}
