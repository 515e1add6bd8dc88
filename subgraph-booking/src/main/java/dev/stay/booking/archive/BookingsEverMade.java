package dev.stay.booking.archive;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_NIGHT;
import static org.jooq.impl.DSL.asterisk;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.Table;

/**
 * Every booking, live or archived, as one table with the live table's columns, for the reads that must see both
 * ({@code myBookings}, {@code booking(id)}, {@code Hotel.bookings}): the live rows, and the archived ones that are no
 * longer live (a booking archived but not yet moved is read once, from the live table). Read in one statement, with
 * the same keys and order as the live table alone.
 *
 * <p>The archived half is written in SQL because jOOQ has no {@code jsonb_populate_record}: it turns the archived
 * document back into a row of the live table's type, so a column added to {@code booking} appears here (null for
 * bookings archived before it) without a change to the archive.
 */
public final class BookingsEverMade {

    private static final Table<?> ARCHIVED = table("(select r.* from booking_archive a, "
            + "jsonb_populate_record(null::booking, a.document) r "
            + "where not exists (select 1 from booking l where l.id = a.id))");

    private static final Table<?> ARCHIVED_NIGHTS = table("(select a.id as booking_id, n.night, n.price "
            + "from booking_archive a, jsonb_to_recordset(a.nights) n(night date, price numeric(19,4)) "
            + "where not exists (select 1 from booking l where l.id = a.id))");

    /** Live and archived bookings: read its columns through {@link #field}. */
    public static final Table<Record> TABLE = select(BOOKING.fields()).from(BOOKING)
            .unionAll(select(asterisk()).from(ARCHIVED))
            .asTable("booking_ever");

    private static final Table<Record> NIGHTS_EVER = select(BOOKING_NIGHT.fields()).from(BOOKING_NIGHT)
            .unionAll(select(asterisk()).from(ARCHIVED_NIGHTS))
            .asTable("booking_night_ever");

    /** A booking's nights and their prices, by night, live or archived: the booking's {@code nightlyPrices}. */
    public static final Field<Result<Record2<LocalDate, BigDecimal>>> NIGHTS =
            multiset(select(column(NIGHTS_EVER, BOOKING_NIGHT.NIGHT), column(NIGHTS_EVER, BOOKING_NIGHT.PRICE))
                    .from(NIGHTS_EVER)
                    .where(column(NIGHTS_EVER, BOOKING_NIGHT.BOOKING_ID).eq(field(BOOKING.ID)))
                    .orderBy(column(NIGHTS_EVER, BOOKING_NIGHT.NIGHT))).as("nights");

    private BookingsEverMade() {}

    /** The column of {@link #TABLE} that is {@code live}'s in the live table. */
    public static <T> Field<T> field(Field<T> live) {
        return column(TABLE, live);
    }

    private static <T> Field<T> column(Table<?> table, Field<T> live) {
        return table.field(live.getName(), live.getDataType());
    }
}
