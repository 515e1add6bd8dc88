package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confirmed stays become COMPLETED once their check-out day is over in their hotel's time zone, announced once as
 * {@code booking.completed}, whatever number of instances run the job at once; nothing else is touched.
 */
@SubgraphTest
class StaysCompleteIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired CompletedStays completed;
    @Autowired CompletingStays completing;

    /**
     * At 09:00 UTC on the day after check-out it is 23:00 that day in Kiritimati (UTC+14), and still the check-out
     * day, 22:00, in Pago Pago (UTC-11); at 11:30 UTC Pago Pago's day is over too.
     */
    @Test
    void aStayCompletesOnceItsCheckOutDayIsOverInItsHotelsTimeZone() {
        var eastHotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var westHotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var east = PastStays.at(db, eastHotel, "Pacific/Kiritimati");
        var west = PastStays.at(db, westHotel, "Pacific/Pago_Pago");
        LocalDate checkOut = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        UUID inEast = east.aPaidStay(UUID.randomUUID(), checkOut.minusDays(2), checkOut, 100);
        UUID inWest = west.aPaidStay(UUID.randomUUID(), checkOut.minusDays(2), checkOut, 100);

        completeAll(checkOut.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(status(inEast)).isEqualTo("COMPLETED");
        assertThat(status(inWest)).isEqualTo("CONFIRMED");

        completeAll(checkOut.plusDays(1).atTime(11, 30).toInstant(ZoneOffset.UTC));
        assertThat(status(inWest)).isEqualTo("COMPLETED");
        assertThat(events(eastHotel, "booking.completed")).isEqualTo(1);
        assertThat(events(westHotel, "booking.completed")).isEqualTo(1);
    }

    @Test
    void theJobCompletesWhatCheckedOutBeforeTodayAndAnnouncesItWithItsPayload() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID guest = UUID.randomUUID();
        UUID ended = stays.aPaidStay(guest, stays.today().minusDays(3), stays.today().minusDays(1), 100);
        UUID leavingToday = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(2), stays.today(), 100);
        UUID cancelled = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(3), stays.today().minusDays(1), 100);
        db.update(BOOKING).set(BOOKING.STATUS, "CANCELLED").where(BOOKING.ID.eq(cancelled)).execute();
        UUID held = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(3), stays.today().minusDays(1), 100);
        db.update(BOOKING).set(BOOKING.STATUS, "HELD").set(BOOKING.PAYMENT_STATUS, "UNKNOWN")
                .set(BOOKING.HOLD_EXPIRES_AT, java.time.OffsetDateTime.now().plusHours(1))
                .where(BOOKING.ID.eq(held)).execute();

        assertThat(completing.complete()).isGreaterThanOrEqualTo(1);
        assertThat(completing.complete()).as("nothing is left to complete").isZero();

        assertThat(status(ended)).isEqualTo("COMPLETED");
        assertThat(status(leavingToday)).isEqualTo("CONFIRMED");
        assertThat(status(cancelled)).isEqualTo("CANCELLED");
        assertThat(status(held)).isEqualTo("HELD");
        JsonNode event = json.readTree(db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.TYPE.eq("booking.completed"))
                .and(OUTBOX.KEY.eq(hotel.hotel().toString())).and(OUTBOX.TOPIC.eq("booking.booking"))
                .fetchSingle(OUTBOX.PAYLOAD).data());
        assertThat(event.propertyNames()).containsExactlyInAnyOrder("bookingId", "propertyId", "roomTypeId", "guestId",
                "checkIn", "checkOut", "occurredAt");
        assertThat(event.path("bookingId").asString()).isEqualTo(ended.toString());
        assertThat(event.path("propertyId").asString()).isEqualTo(hotel.hotel().toString());
        assertThat(event.path("roomTypeId").asString()).isEqualTo(hotel.roomType().toString());
        assertThat(event.path("guestId").asString()).isEqualTo(guest.toString());
        assertThat(event.path("checkOut").asString()).isEqualTo(stays.today().minusDays(1).toString());

        SignedIn.as(guest, "guest");
        try {
            graphQl.document("query ($id: ID!) { booking(id: $id) { status cancellationQuote { refund { amount } } } }")
                    .variable("id", ended.toString()).execute()
                    .path("booking.status").entity(String.class).isEqualTo("COMPLETED")
                    .path("booking.cancellationQuote").valueIsNull();
        } finally {
            SignedIn.nobody();
        }
    }

    @Test
    void fourInstancesCompletingAtOnceCompleteEachStayOnce() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 40);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        List<UUID> ended = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ended.add(stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(5), stays.today().minusDays(2), 100));
        }
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> instances = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                instances.add(pool.submit(() -> {
                    start.await();
                    int total = 0;
                    for (int batch = -1; batch != 0; total += batch) {
                        batch = completed.completeBatch(Instant.now(), 3);
                    }
                    return total;
                }));
            }
            start.countDown();
            for (var instance : instances) {
                instance.get();
            }
        }

        assertThat(ended).allSatisfy(id -> assertThat(status(id)).isEqualTo("COMPLETED"));
        assertThat(events(hotel, "booking.completed")).isEqualTo(30);
    }

    private void completeAll(Instant now) {
        while (completed.completeBatch(now, 100) == 100) {
            // more than a batch of past stays in the shared database: go on
        }
    }

    private String status(UUID booking) {
        return db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.STATUS);
    }

    private int events(BookingFixtures hotel, String type) {
        return db.fetchCount(OUTBOX, OUTBOX.KEY.eq(hotel.hotel().toString()).and(OUTBOX.TYPE.eq(type)));
    }
}
