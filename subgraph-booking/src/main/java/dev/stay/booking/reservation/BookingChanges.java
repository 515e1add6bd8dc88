package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING_CHANGE;

import dev.stay.booking.db.tables.records.BookingChangeRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** {@code booking_change}: the dearer changes of dates whose extra charge is being, or was, settled. */
@Repository
class BookingChanges {

    static final String PENDING = "PENDING";
    static final String UNKNOWN = "UNKNOWN";
    static final String PAID = "PAID";
    static final String DECLINED = "DECLINED";
    static final String NOT_CHARGED = "NOT_CHARGED";
    static final List<String> OPEN = List.of(PENDING, UNKNOWN);

    /** A change whose charge is to be asked about: the booking and its change number. */
    record Open(UUID bookingId, int change) {}

    private final DSLContext db;

    BookingChanges(DSLContext db) {
        this.db = db;
    }

    void insert(BookingChangeRecord change) {
        OffsetDateTime now = OffsetDateTime.now();
        db.executeInsert(change.setStatus(PENDING).setCreatedAt(now).setUpdatedAt(now));
    }

    /** The change's row, locked until the transaction ends (after its booking's: the one order). */
    Optional<BookingChangeRecord> lock(UUID bookingId, int change) {
        return db.selectFrom(BOOKING_CHANGE).where(BOOKING_CHANGE.BOOKING_ID.eq(bookingId))
                .and(BOOKING_CHANGE.CHANGE.eq(change)).forUpdate().fetchOptional();
    }

    void update(BookingChangeRecord change) {
        change.setUpdatedAt(OffsetDateTime.now());
        db.executeUpdate(change);
    }

    /** Whether the booking has a change whose charge is not settled yet. */
    boolean hasOpen(UUID bookingId) {
        return db.fetchExists(BOOKING_CHANGE, BOOKING_CHANGE.BOOKING_ID.eq(bookingId)
                .and(BOOKING_CHANGE.STATUS.in(OPEN)));
    }

    /**
     * Changes unknown since before {@code unknownBefore}, and changes still pending since before
     * {@code pendingBefore} (their request died between taking the rooms and hearing from the provider), oldest first.
     */
    List<Open> open(OffsetDateTime unknownBefore, OffsetDateTime pendingBefore, int limit) {
        return db.select(BOOKING_CHANGE.BOOKING_ID, BOOKING_CHANGE.CHANGE).from(BOOKING_CHANGE)
                .where(BOOKING_CHANGE.STATUS.eq(UNKNOWN).and(BOOKING_CHANGE.UPDATED_AT.lt(unknownBefore)))
                .or(BOOKING_CHANGE.STATUS.eq(PENDING).and(BOOKING_CHANGE.UPDATED_AT.lt(pendingBefore)))
                .orderBy(BOOKING_CHANGE.UPDATED_AT)
                .limit(limit)
                .fetch(r -> new Open(r.value1(), r.value2()));
    }

    static StayNights nights(BookingChangeRecord change) {
        return new StayNights(change.getCheckIn(), change.getCheckOut());
    }

    static List<RoomsForBooking.NightPrice> nightlyPrices(BookingChangeRecord change) {
        var prices = change.getNightPrices();
        return IntStream.range(0, prices.length)
                .mapToObj(i -> new RoomsForBooking.NightPrice(change.getCheckIn().plusDays(i), prices[i])).toList();
    }
}
