package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_NIGHT;
import static dev.stay.booking.db.Tables.PROPERTY;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import dev.stay.booking.archive.BookingsEverMade;
import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.springframework.stereotype.Repository;

@Repository
class BookingRepository {

    private final DSLContext db;

    BookingRepository(DSLContext db) {
        this.db = db;
    }

    void insert(BookingRecord booking, List<RoomsForBooking.NightPrice> nights) {
        db.executeInsert(booking);
        var insert = db.insertInto(BOOKING_NIGHT, BOOKING_NIGHT.BOOKING_ID, BOOKING_NIGHT.NIGHT, BOOKING_NIGHT.PRICE);
        for (RoomsForBooking.NightPrice night : nights) {
            insert = insert.values(booking.getId(), night.night(), night.price());
        }
        insert.execute();
    }

    /** The booking's row, locked until the transaction ends. */
    Optional<BookingRecord> lock(UUID id) {
        return db.selectFrom(BOOKING).where(BOOKING.ID.eq(id)).forUpdate().fetchOptional();
    }

    void update(BookingRecord booking) {
        booking.setUpdatedAt(OffsetDateTime.now());
        db.executeUpdate(booking);
    }

    /** Held bookings past their expiry, locked, skipping those another instance is settling. */
    List<BookingRecord> lockExpiredHolds(OffsetDateTime now, int limit) {
        return db.selectFrom(BOOKING)
                .where(BOOKING.STATUS.eq(BookingStatus.HELD)).and(BOOKING.HOLD_EXPIRES_AT.lt(now))
                .orderBy(BOOKING.HOLD_EXPIRES_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch();
    }

    /** Held bookings whose payment has been unknown since before {@code before}. */
    List<UUID> unknownPayments(OffsetDateTime before, int limit) {
        return db.select(BOOKING.ID).from(BOOKING)
                .where(BOOKING.STATUS.eq(BookingStatus.HELD))
                .and(BOOKING.PAYMENT_STATUS.eq(BookingStatus.PAYMENT_UNKNOWN))
                .and(BOOKING.UPDATED_AT.lt(before))
                .orderBy(BOOKING.UPDATED_AT)
                .limit(limit)
                .fetch(BOOKING.ID);
    }

    /** When the stay starts: the check-in time on the day of arrival, in the property's time zone. */
    java.time.Instant checkInAt(UUID bookingId) {
        var stay = db.select(BOOKING.CHECK_IN, PROPERTY.CHECK_IN_TIME, PROPERTY.TIME_ZONE).from(BOOKING)
                .join(PROPERTY).on(PROPERTY.ID.eq(BOOKING.PROPERTY_ID))
                .where(BOOKING.ID.eq(bookingId)).fetchSingle();
        return stay.value1().atTime(stay.value2()).atZone(java.time.ZoneId.of(stay.value3())).toInstant();
    }

    /** Bookings that owe the guest a refund the provider has not taken yet, due by {@code now}, longest due first. */
    List<UUID> refundsDue(OffsetDateTime now, int limit) {
        return db.select(BOOKING.ID).from(BOOKING).where(BOOKING.REFUND_DUE.isNotNull())
                .and(BOOKING.PAYMENT_STATUS.ne(BookingStatus.REFUND_FAILED))
                .and(BOOKING.REFUND_NEXT_AT.isNull().or(BOOKING.REFUND_NEXT_AT.le(now)))
                .orderBy(BOOKING.REFUND_NEXT_AT.asc().nullsFirst()).limit(limit).fetch(BOOKING.ID);
    }

    /** How many bookings have a refund given up on, waiting for an admin. */
    int refundsFailed() {
        return db.fetchCount(BOOKING, BOOKING.PAYMENT_STATUS.eq(BookingStatus.REFUND_FAILED));
    }

    boolean refundFailed(UUID id) {
        return db.fetchExists(BOOKING, BOOKING.ID.eq(id).and(BOOKING.PAYMENT_STATUS.eq(BookingStatus.REFUND_FAILED)));
    }

    /** The booking's nights and their prices become these (a change of dates). */
    void replaceNights(UUID bookingId, List<RoomsForBooking.NightPrice> nights) {
        db.deleteFrom(BOOKING_NIGHT).where(BOOKING_NIGHT.BOOKING_ID.eq(bookingId)).execute();
        var insert = db.insertInto(BOOKING_NIGHT, BOOKING_NIGHT.BOOKING_ID, BOOKING_NIGHT.NIGHT, BOOKING_NIGHT.PRICE);
        for (RoomsForBooking.NightPrice night : nights) {
            insert = insert.values(bookingId, night.night(), night.price());
        }
        insert.execute();
    }

    boolean referenceTaken(String reference) {
        return db.fetchExists(BOOKING, BOOKING.REFERENCE.eq(reference));
    }

    Optional<Booking> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The bookings with these ids, live or archived, with their nights, in one statement. */
    List<Booking> findAll(Collection<UUID> ids) {
        return db.select(BookingsEverMade.TABLE.asterisk(), PROPERTY.OWNER_ID, NIGHTS)
                .from(BookingsEverMade.TABLE)
                .join(PROPERTY).on(PROPERTY.ID.eq(BookingsEverMade.field(BOOKING.PROPERTY_ID)))
                .where(BookingsEverMade.field(BOOKING.ID).in(ids))
                .fetch(BookingRepository::toBooking);
    }

    /** A booking's nights, live or archived (the reads see both: {@link BookingsEverMade}). */
    static final Field<Result<Record2<LocalDate, BigDecimal>>> NIGHTS = BookingsEverMade.NIGHTS;

    /** A row of {@code booking} joined to its {@code property}, with {@link #NIGHTS}. */
    static Booking toBooking(Record r) {
        String currency = r.get(BOOKING.CURRENCY);
        List<Booking.NightlyPrice> prices = r.get(NIGHTS).stream()
                .map(n -> new Booking.NightlyPrice(n.get(BOOKING_NIGHT.NIGHT),
                        Booking.Money.of(n.get(BOOKING_NIGHT.PRICE), currency)))
                .toList();
        return new Booking(r.get(BOOKING.ID), r.get(BOOKING.REFERENCE), r.get(BOOKING.STATUS),
                RoomsForBooking.hotel(r.get(BOOKING.PROPERTY_ID)), new Booking.Ref(r.get(BOOKING.UNIT_TYPE_ID)),
                r.get(BOOKING.CHECK_IN), r.get(BOOKING.CHECK_OUT), r.get(BOOKING.GUESTS), r.get(BOOKING.ROOMS),
                prices, Booking.Money.of(r.get(BOOKING.TOTAL), currency),
                new Booking.Payment(r.get(BOOKING.PAYMENT_STATUS), Booking.Money.of(r.get(BOOKING.CHARGED), currency),
                        Booking.Money.of(r.get(BOOKING.REFUNDED), currency),
                        Booking.Money.of(r.get(BOOKING.REFUND_DUE), currency)),
                r.get(BOOKING.HOLD_EXPIRES_AT), r.get(BOOKING.CREATED_AT), new Booking.Ref(r.get(BOOKING.GUEST_ID)),
                r.get(BOOKING.NOTE), r.get(BOOKING.PARTNER_REFERENCE), r.get(PROPERTY.OWNER_ID),
                r.get(BOOKING.PARTNER_CLIENT_ID),
                new Booking.Policy(r.get(BOOKING.REFUNDABLE), r.get(BOOKING.FREE_CANCELLATION_UNTIL),
                        r.get(BOOKING.PENALTY_PERCENT)),
                r.get(BOOKING.TOTAL), r.get(BOOKING.CHARGED), r.get(BOOKING.REFUNDED));
    }
}
