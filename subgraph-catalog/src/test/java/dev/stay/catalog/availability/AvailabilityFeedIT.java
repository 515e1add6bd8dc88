package dev.stay.catalog.availability;

import static dev.stay.catalog.availability.BookingInventoryEvents.envelope;
import static dev.stay.catalog.availability.BookingInventoryEvents.publish;
import static dev.stay.catalog.availability.BookingInventoryEvents.roomTypeChanged;
import static dev.stay.catalog.availability.BookingInventoryEvents.roomsChanged;
import static dev.stay.catalog.db.Tables.AVAILABILITY_NIGHT;
import static dev.stay.catalog.db.Tables.AVAILABILITY_ROOM_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.availability.BookingInventoryEvents.Night;
import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Booking's inventory events through the real broker into the projection: each applied once, never an older state
 * over a newer one, what cannot be read dead-lettered without holding up what comes after, and every change announced
 * once committed.
 */
@SubgraphTest
@Import(AvailabilityFeedIT.Announcements.class)
class AvailabilityFeedIT {

    static final DeadLetters DEAD_LETTERS = new DeadLetters(BookingInventoryEvents.TOPIC + ".DLT");

    @TestConfiguration
    static class Announcements {

        final List<AvailabilityChanged> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AvailabilityChanged changed) {
            received.add(changed);
        }
    }

    @Autowired DSLContext db;
    @Autowired BookableStays stays;
    @Autowired Announcements announcements;
    final LocalDate in = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(20);
    UUID hotel;
    UUID roomType;

    @BeforeEach
    void aHotel() {
        hotel = new Projected(db).aPublishedHotel();
        roomType = UUID.randomUUID();
    }

    @Test
    void aBookingThatTookTheLastRoomLeavesSearchOnceCommitted() {
        publish(hotel, roomTypeChanged(hotel, roomType, "100.00", 2, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> stays.lowestTotals(List.of(hotel), stay(in, 2)).size() == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(announcements(hotel))
                .containsExactly(new AvailabilityChanged(hotel, null, null)));

        publish(hotel, roomsChanged(UUID.randomUUID().toString(), hotel, roomType,
                new Night(in, 2, null, 2), new Night(in.plusDays(1), 1, "130.00", 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> stays.lowestTotals(List.of(hotel), stay(in, 2)).isEmpty());
        assertThat(stays.lowestTotals(List.of(hotel), stay(in.plusDays(1), 2)).get(hotel).total())
                .isEqualByComparingTo("230.00");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(announcements(hotel))
                .containsExactly(new AvailabilityChanged(hotel, null, null),
                        new AvailabilityChanged(hotel, in, in.plusDays(1))));
    }

    @Test
    void aReplayOrAnOlderStateArrivingLateChangesNothing() {
        String taken = roomsChanged(UUID.randomUUID().toString(), hotel, roomType, new Night(in, 1, null, 3));
        publish(hotel,
                roomTypeChanged(hotel, roomType, "90.00", 4, 5),
                taken,
                taken,
                roomsChanged(UUID.randomUUID().toString(), hotel, roomType, new Night(in, 3, null, 2)),
                roomTypeChanged(hotel, roomType, "200.00", 1, 4),
                roomsChanged(UUID.randomUUID().toString(), hotel, roomType, new Night(in.plusDays(9), 0, null, 1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> nightVersion(in.plusDays(9)) != null);
        assertThat(nightVersion(in)).isEqualTo(3L);
        assertThat(db.fetchValue(AVAILABILITY_NIGHT.TAKEN_UNITS, AVAILABILITY_NIGHT.UNIT_TYPE_ID.eq(roomType)
                .and(AVAILABILITY_NIGHT.NIGHT.eq(in)))).isEqualTo(1);
        var stored = db.fetchSingle(AVAILABILITY_ROOM_TYPE, AVAILABILITY_ROOM_TYPE.UNIT_TYPE_ID.eq(roomType));
        assertThat(stored.getBasePrice()).isEqualByComparingTo("90.00");
        assertThat(stored.getDefaultUnits()).isEqualTo(4);
        assertThat(stays.lowestTotals(List.of(hotel), new StayQuery(in, in.plusDays(1), 6, 3)).get(hotel).total())
                .as("3 rooms free of the 4, at the newer base price").isEqualByComparingTo("270.00");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(announcements(hotel))
                .as("what changed the projection, once each").containsExactly(
                        new AvailabilityChanged(hotel, null, null), new AvailabilityChanged(hotel, in, in),
                        new AvailabilityChanged(hotel, in.plusDays(9), in.plusDays(9))));
    }

    @Test
    void nightsThatArriveBeforeTheirRoomTypeCountOnceItArrives() {
        publish(hotel, roomsChanged(UUID.randomUUID().toString(), hotel, roomType, new Night(in, 2, null, 2)),
                roomTypeChanged(hotel, roomType, "100.00", 2, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> stays.lowestTotals(List.of(hotel), stay(in.plusDays(1), 1))
                .size() == 1);
        assertThat(stays.lowestTotals(List.of(hotel), stay(in, 1))).as("both rooms taken on the first night").isEmpty();
    }

    @Test
    void whatCannotApplyIsDeadLetteredAndWhatFollowsStillApplies() {
        String noVersion = roomsChanged(UUID.randomUUID().toString(), hotel, roomType, new Night(in, 1, null, 1))
                .replace(",\"version\":1", "");
        String noRoomType = roomTypeChanged(hotel, roomType, "100.00", 2, 1).replace("\"roomTypeId\"", "\"room\"");
        String negative = roomsChanged(UUID.randomUUID().toString(), hotel, roomType, new Night(in, -1, null, 7));
        String huge = roomsChanged(UUID.randomUUID().toString(), hotel, roomType, new Night(in, 1, "1e400", 8));
        String notAnObject = envelope(UUID.randomUUID().toString(), "rooms-changed", "[1, 2]");
        publish(hotel, "{not json", noVersion, noRoomType, notAnObject, negative, huge,
                roomTypeChanged(hotel, roomType, "100.00", 2, 1));

        await().atMost(Duration.ofSeconds(60)).until(() -> stays.lowestTotals(List.of(hotel), stay(in, 1)).size() == 1);
        assertThat(DEAD_LETTERS.withKey(hotel)).extracting(DeadLetters.Letter::value)
                .containsExactly("{not json", noVersion, noRoomType, notAnObject, negative, huge);
        assertThat(nightVersion(in)).as("nothing of them applied").isNull();
    }

    private Long nightVersion(LocalDate night) {
        return db.fetchValue(AVAILABILITY_NIGHT.VERSION, AVAILABILITY_NIGHT.UNIT_TYPE_ID.eq(roomType)
                .and(AVAILABILITY_NIGHT.NIGHT.eq(night)));
    }

    private List<AvailabilityChanged> announcements(UUID hotel) {
        return announcements.received.stream().filter(a -> a.propertyId().equals(hotel)).toList();
    }

    private static StayQuery stay(LocalDate checkIn, int nights) {
        return new StayQuery(checkIn, checkIn.plusDays(nights), 2, 1);
    }

}
