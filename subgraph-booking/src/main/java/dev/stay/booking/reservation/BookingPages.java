package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.PROPERTY;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import dev.stay.booking.archive.BookingsEverMade;
import dev.stay.codegen.booking.types.BookingPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Pages of bookings, each read in one statement: keyset pagination on (check-in, id), so a page costs the same
 * however deep it is and a booking made meanwhile neither repeats nor skips a row. One row more than asked tells
 * whether another page follows.
 */
@Repository
class BookingPages {

    /** Live and archived bookings alike: the archive is read transparently, with the same keys and order. */
    private static final Table<Record> EVER = BookingsEverMade.TABLE;

    private final DSLContext db;
    private final Clock clock;

    BookingPages(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A guest's bookings of a period; "today" is each hotel's own, so it is computed by PostgreSQL per row. */
    List<Booking> ofGuest(UUID guest, BookingPeriod period, BookingCursor after, int first) {
        boolean latestFirst = period == BookingPeriod.PAST;
        Condition when = switch (period) {
            case UPCOMING -> ever(BOOKING.CHECK_OUT).ge(hotelsToday());
            case PAST -> ever(BOOKING.CHECK_OUT).lt(hotelsToday());
            case ALL -> noCondition();
        };
        return db.select(EVER.asterisk(), PROPERTY.OWNER_ID, BookingRepository.NIGHTS)
                .from(EVER)
                .join(PROPERTY).on(PROPERTY.ID.eq(ever(BOOKING.PROPERTY_ID)))
                .where(ever(BOOKING.GUEST_ID).eq(guest)).and(when).and(after(after, latestFirst))
                .orderBy(order(latestFirst))
                .limit(first + 1)
                .fetch(BookingRepository::toBooking);
    }

    /**
     * A hotel's owner and a page of its bookings, in one statement: the hotel's row is left-joined to its bookings,
     * so the owner is known (to check the caller against) even when the page is empty. Empty when booking does not
     * know the hotel.
     */
    Optional<HotelBookings> ofHotel(UUID hotel, LocalDate from, LocalDate to, String status, BookingCursor after,
                                    int first) {
        Condition filters = (from == null ? noCondition() : ever(BOOKING.CHECK_OUT).gt(from))
                .and(to == null ? noCondition() : ever(BOOKING.CHECK_IN).le(to))
                .and(status == null ? noCondition() : ever(BOOKING.STATUS).eq(status))
                .and(after(after, false));
        var rows = db.select(EVER.asterisk(), PROPERTY.OWNER_ID, BookingRepository.NIGHTS)
                .from(PROPERTY)
                .leftJoin(EVER).on(ever(BOOKING.PROPERTY_ID).eq(PROPERTY.ID)).and(filters)
                .where(PROPERTY.ID.eq(hotel))
                .orderBy(order(false))
                .limit(first + 1)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Booking> bookings = rows.stream().filter(r -> r.get(ever(BOOKING.ID)) != null)
                .map(BookingRepository::toBooking).toList();
        return Optional.of(new HotelBookings(rows.getFirst().get(PROPERTY.OWNER_ID), bookings));
    }

    record HotelBookings(UUID ownerId, List<Booking> bookings) {}

    /** Today in the booking's hotel's time zone (jOOQ has no AT TIME ZONE), from the application's clock. */
    private Field<LocalDate> hotelsToday() {
        return field("({0} at time zone {1})::date", SQLDataType.LOCALDATE,
                val(OffsetDateTime.now(clock)), PROPERTY.TIME_ZONE);
    }

    private static Condition after(BookingCursor after, boolean latestFirst) {
        if (after == null) {
            return noCondition();
        }
        var key = row(ever(BOOKING.CHECK_IN), ever(BOOKING.ID));
        return latestFirst ? key.lt(after.checkIn(), after.id()) : key.gt(after.checkIn(), after.id());
    }

    private static List<SortField<?>> order(boolean latestFirst) {
        return latestFirst ? List.of(ever(BOOKING.CHECK_IN).desc(), ever(BOOKING.ID).desc())
                : List.of(ever(BOOKING.CHECK_IN).asc(), ever(BOOKING.ID).asc());
    }

    private static <T> Field<T> ever(Field<T> live) {
        return BookingsEverMade.field(live);
    }
}
