package dev.stay.booking.archive;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_ARCHIVE;
import static dev.stay.booking.db.Tables.BOOKING_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stay.common.outbox.Outbox;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ended bookings are archived once from booking's final events (through the real broker), and leave the live tables
 * 30 days after they ended, only once archived, in batches that an interruption never half-applies.
 */
@SubgraphTest
class ArchiveIT {

    @Autowired DSLContext db;
    @Autowired MovingToArchive moving;
    @Autowired ArchivePartitions partitions;
    @Autowired Archive archive;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transaction;

    final UUID guest = UUID.randomUUID();

    @AfterEach
    void dropFault() {
        db.execute("drop trigger if exists archive_fault on booking_night");
    }

    @Test
    void eachEndedBookingIsArchivedOnceHoweverOftenItsEventComes() {
        EndedStays stays = EndedStays.aHotel(db);
        LocalDate lastWeek = LocalDate.now().minusDays(7);
        UUID completed = stays.booking(guest, "COMPLETED", lastWeek);
        UUID cancelled = stays.booking(guest, "CANCELLED", LocalDate.now().plusDays(40));
        UUID noShow = stays.booking(guest, "NO_SHOW", lastWeek);
        UUID expired = stays.booking(guest, "EXPIRED", LocalDate.now().plusDays(3));
        UUID confirmed = stays.booking(guest, "CONFIRMED", LocalDate.now().plusDays(5));

        String replayed = stays.finalEvent(completed, "booking.completed", UUID.randomUUID().toString());
        stays.finalEvent(completed, "booking.completed", replayed);
        stays.finalEvent(completed, "booking.completed", UUID.randomUUID().toString());
        stays.publish("{not json");
        stays.finalEvent(cancelled, "booking.cancelled", UUID.randomUUID().toString());
        stays.finalEvent(noShow, "booking.no-show", UUID.randomUUID().toString());
        stays.finalEvent(expired, "booking.expired", UUID.randomUUID().toString());
        stays.finalEvent(confirmed, "booking.confirmed", UUID.randomUUID().toString());
        // an ended event for a booking that is not ended here archives nothing
        stays.finalEvent(confirmed, "booking.completed", UUID.randomUUID().toString());
        UUID marker = stays.booking(guest, "COMPLETED", lastWeek);
        stays.finalEvent(marker, "booking.completed", UUID.randomUUID().toString());

        List<UUID> ended = List.of(completed, cancelled, noShow, expired, marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> stays.archived(ended) == ended.size());
        for (UUID id : ended) {
            assertThat(stays.archived(List.of(id))).as("archive rows of %s", id).isEqualTo(1);
        }
        assertThat(stays.archived(List.of(confirmed))).as("a confirmed booking is not archived").isZero();
        assertThat(stays.live(ended)).as("archived, still live until the move").isEqualTo(ended.size());
        var row = db.selectFrom(BOOKING_ARCHIVE).where(BOOKING_ARCHIVE.ID.eq(cancelled)).fetchSingle();
        assertThat(row.getStatus()).isEqualTo("CANCELLED");
        assertThat(row.getNights().data()).contains("120.00");
        assertThat(archive.partitions()).as("the partition of a stay cancelled months ahead, made on demand")
                .contains(partitionName(LocalDate.now().plusDays(42)));
    }

    @Test
    void aNoShowAnnouncedThroughBookingsOutboxIsArchivedWithTheLiveRow() {
        EndedStays stays = EndedStays.aHotel(db);
        UUID noShow = stays.booking(guest, "NO_SHOW", LocalDate.now().minusDays(4));
        transaction.executeWithoutResult(status -> outbox.append(EndedBookings.TOPIC, stays.hotel().toString(),
                "booking.no-show", Map.of("bookingId", noShow, "propertyId", stays.hotel(), "roomTypeId",
                        stays.roomType(), "guestId", guest, "checkIn", LocalDate.now().minusDays(4), "checkOut",
                        LocalDate.now().minusDays(2), "fee", Map.of("amount", 220, "currency", "EUR"),
                        "occurredAt", java.time.Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() -> stays.archived(List.of(noShow)) == 1);
        var row = db.selectFrom(BOOKING_ARCHIVE).where(BOOKING_ARCHIVE.ID.eq(noShow)).fetchSingle();
        assertThat(row.getStatus()).isEqualTo("NO_SHOW");
        assertThat(row.getDocument().data()).contains("\"no_show_fee\": 220.00");
    }

    @Test
    void aMoveCutOffHalfWayAndResumedLosesAndRepeatsNothing() {
        EndedStays stays = EndedStays.aHotel(db);
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID id = stays.booking(guest, i % 2 == 0 ? "COMPLETED" : "CANCELLED", LocalDate.now().minusDays(60 + i));
            assertThat(archive.write(id, java.time.OffsetDateTime.now())).isTrue();
            old.add(id);
        }
        UUID recent = stays.booking(guest, "COMPLETED", LocalDate.now().minusDays(5));
        UUID notArchived = stays.booking(guest, "COMPLETED", LocalDate.now().minusDays(90));
        UUID refundOwed = stays.booking(guest, "CANCELLED", LocalDate.now().minusDays(70));
        archive.write(recent, java.time.OffsetDateTime.now());
        archive.write(refundOwed, java.time.OffsetDateTime.now());
        db.update(BOOKING).set(BOOKING.REFUND_DUE, new BigDecimal("20.00")).set(BOOKING.REFUND_KEY, "k")
                .where(BOOKING.ID.eq(refundOwed)).execute();
        stays.endedDaysAgo(old, 31);
        stays.endedDaysAgo(List.of(refundOwed), 40);
        // a refund settled after archiving: the move carries it over to the archived copy
        db.update(BOOKING).set(BOOKING.REFUNDED, new BigDecimal("55.00")).where(BOOKING.ID.eq(old.get(1))).execute();

        // the second batch fails in the database half-way (its nights deleted, then its bookings refused)
        db.execute("create or replace function archive_fault() returns trigger language plpgsql as $$ begin "
                + "if old.booking_id = '" + old.get(4) + "' then raise exception 'disk gone'; end if; "
                + "return old; end $$");
        db.execute("create trigger archive_fault before delete on booking_night for each row "
                + "execute function archive_fault()");
        assertThat(moving.moveBatch(3)).isEqualTo(3);
        assertThatThrownBy(() -> moving.moveBatch(3)).hasMessageContaining("disk gone");

        assertThat(stays.live(old)).as("the first batch left, the failed one stayed whole").isEqualTo(7);
        assertThat(stays.liveNights(old)).isEqualTo(14);
        assertThat(stays.archived(old)).as("every booking archived exactly once").isEqualTo(10);

        dropFault();
        int moved = 0;
        while (stays.live(old) > 0) {
            moved += moving.moveBatch(3);
        }
        assertThat(moved).isEqualTo(7);
        assertThat(stays.live(old)).isZero();
        assertThat(stays.liveNights(old)).isZero();
        assertThat(stays.archived(old)).isEqualTo(10);
        assertThat(db.fetchCount(db.selectDistinct(BOOKING_ARCHIVE.ID).from(BOOKING_ARCHIVE)
                .where(BOOKING_ARCHIVE.ID.in(old)))).isEqualTo(10);
        assertThat(db.select(BOOKING_ARCHIVE.DOCUMENT).from(BOOKING_ARCHIVE).where(BOOKING_ARCHIVE.ID.eq(old.get(1)))
                .fetchSingle().value1().data()).contains("\"refunded\": 55.00");

        assertThat(moving.moveAll()).as("nothing left to move").isZero();
        assertThat(stays.live(List.of(recent))).as("ended 5 days ago: stays live").isEqualTo(1);
        assertThat(stays.live(List.of(notArchived))).as("never archived: stays live").isEqualTo(1);
        assertThat(stays.live(List.of(refundOwed))).as("a refund still owed: stays live").isEqualTo(1);
    }

    @Test
    void aBookingWhoseDatesChangedLeavesWithItsChangesKeptInTheArchive() {
        EndedStays stays = EndedStays.aHotel(db);
        UUID changed = stays.booking(guest, "COMPLETED", LocalDate.now().minusDays(60));
        stays.changedDates(changed, "DECLINED");
        stays.changedDates(changed, "PAID");
        archive.write(changed, java.time.OffsetDateTime.now());
        stays.endedDaysAgo(List.of(changed), 31);

        assertThat(moving.moveBatch(10)).isEqualTo(1);

        assertThat(stays.live(List.of(changed))).isZero();
        assertThat(db.fetchCount(BOOKING_CHANGE, BOOKING_CHANGE.BOOKING_ID.eq(changed))).isZero();
        String changes = db.select(BOOKING_ARCHIVE.CHANGES).from(BOOKING_ARCHIVE).where(BOOKING_ARCHIVE.ID.eq(changed))
                .fetchSingle().value1().data();
        assertThat(changes).contains("\"status\": \"DECLINED\"", "\"status\": \"PAID\"", "\"charge_id\": \"ch_2\"");
    }

    @Test
    void aBookingLockedByAnotherInstanceIsSkippedAndMovedNextTime() throws Exception {
        EndedStays stays = EndedStays.aHotel(db);
        UUID a = stays.booking(guest, "COMPLETED", LocalDate.now().minusDays(50));
        UUID b = stays.booking(guest, "COMPLETED", LocalDate.now().minusDays(51));
        archive.write(a, java.time.OffsetDateTime.now());
        archive.write(b, java.time.OffsetDateTime.now());
        stays.endedDaysAgo(List.of(a, b), 45);

        var pool = Executors.newSingleThreadExecutor();
        try (var connection = db.configuration().connectionProvider().acquire()) {
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("select id from booking where id = ? for update")) {
                lock.setObject(1, a);
                lock.executeQuery().close();
            }
            Callable<Integer> otherInstance = () -> moving.moveBatch(10);
            assertThat(pool.submit(otherInstance).get()).as("moves what is not locked, without waiting").isEqualTo(1);
            assertThat(stays.live(List.of(a))).isEqualTo(1);
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(moving.moveBatch(10)).isEqualTo(1);
        assertThat(stays.live(List.of(a, b))).isZero();
        assertThat(stays.archived(List.of(a, b))).isEqualTo(2);
    }

    @Test
    void partitionsAreMadeAheadAndOnDemandEvenByManyAtOnce() throws Exception {
        partitions.createAhead();
        LocalDate month = LocalDate.now().withDayOfMonth(1);
        assertThat(archive.partitions()).contains(partitionName(month), partitionName(month.plusMonths(3)));

        LocalDate far = LocalDate.of(2031, 7, 14);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> made = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                made.add(pool.submit(() -> archive.partitionFor(far)));
            }
            for (var name : made) {
                assertThat(name.get()).isEqualTo("booking_archive_2031_07");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(archive.partitions()).containsOnlyOnce("booking_archive_2031_07");
    }

    private static String partitionName(LocalDate day) {
        return "booking_archive_%d_%02d".formatted(day.getYear(), day.getMonthValue());
    }
}
