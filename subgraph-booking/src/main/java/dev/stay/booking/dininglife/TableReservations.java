package dev.stay.booking.dininglife;

import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static org.jooq.impl.DSL.row;

import dev.stay.booking.dining.Reservations;
import dev.stay.booking.dining.TableReservation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The lists the lifecycle reads, each in one statement, as {@link Reservations} reads one (the held new slot of a
 * change being paid is not a reservation of its own, so it is left out).
 */
@Repository
class TableReservations {

    /** Released before they were ever confirmed: not in the book of the day. */
    static final List<String> NEVER_CONFIRMED = List.of("EXPIRED", "PAYMENT_FAILED");

    private final DSLContext db;

    TableReservations(DSLContext db) {
        this.db = db;
    }

    UUID ownerOf(UUID restaurantId) {
        return db.select(RESTAURANT.OWNER_ID).from(RESTAURANT).where(RESTAURANT.ID.eq(restaurantId))
                .fetchSingle(RESTAURANT.OWNER_ID);
    }

    /** The owners of the restaurants booking knows, by id. */
    Map<UUID, UUID> owners(Collection<UUID> restaurants) {
        return db.select(RESTAURANT.ID, RESTAURANT.OWNER_ID).from(RESTAURANT).where(RESTAURANT.ID.in(restaurants))
                .fetchMap(RESTAURANT.ID, RESTAURANT.OWNER_ID);
    }

    /**
     * The books of several (restaurant, day) pairs in one statement: the reservations starting on each day, by time
     * then table, but those never confirmed.
     */
    List<TableReservation> ofDays(Collection<Map.Entry<UUID, LocalDate>> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        Condition which = DSL.or(days.stream().map(d -> row(TABLE_RESERVATION.RESTAURANT_ID, TABLE_RESERVATION.DAY)
                .eq(d.getKey(), d.getValue())).toList());
        return db.select(TABLE_RESERVATION.asterisk(), RESTAURANT.OWNER_ID, RESTAURANT.DEPOSIT_REFUNDABLE_HOURS)
                .from(TABLE_RESERVATION)
                .join(RESTAURANT).on(RESTAURANT.ID.eq(TABLE_RESERVATION.RESTAURANT_ID))
                .where(which).and(TABLE_RESERVATION.STATUS.notIn(NEVER_CONFIRMED))
                .and(TABLE_RESERVATION.CHANGE_OF.isNull())
                .orderBy(TABLE_RESERVATION.LOCAL_TIME, TABLE_RESERVATION.TABLE_ID, TABLE_RESERVATION.ID)
                .fetch(Reservations::toReservation);
    }

    /**
     * A page of a guest's reservations, keyset on (starts_at, id): upcoming ones (ending now or later) soonest first,
     * past ones latest first, all by time. One row more than asked tells whether another page follows.
     */
    List<TableReservation> ofGuest(UUID guest, String when, ReservationCursor after, int first, OffsetDateTime now) {
        boolean latestFirst = when.equals("PAST");
        Condition period = switch (when) {
            case "UPCOMING" -> TABLE_RESERVATION.ENDS_AT.ge(now);
            case "PAST" -> TABLE_RESERVATION.ENDS_AT.lt(now);
            default -> DSL.noCondition();
        };
        var key = row(TABLE_RESERVATION.STARTS_AT, TABLE_RESERVATION.ID);
        Condition page = after == null ? DSL.noCondition()
                : latestFirst ? key.lt(after.startsAt(), after.id()) : key.gt(after.startsAt(), after.id());
        return db.select(TABLE_RESERVATION.asterisk(), RESTAURANT.OWNER_ID, RESTAURANT.DEPOSIT_REFUNDABLE_HOURS)
                .from(TABLE_RESERVATION)
                .join(RESTAURANT).on(RESTAURANT.ID.eq(TABLE_RESERVATION.RESTAURANT_ID))
                .where(TABLE_RESERVATION.GUEST_ID.eq(guest)).and(period).and(page)
                .and(TABLE_RESERVATION.CHANGE_OF.isNull())
                .orderBy(latestFirst ? List.of(TABLE_RESERVATION.STARTS_AT.desc(), TABLE_RESERVATION.ID.desc())
                        : List.of(TABLE_RESERVATION.STARTS_AT.asc(), TABLE_RESERVATION.ID.asc()))
                .limit(first + 1)
                .fetch(Reservations::toReservation);
    }

    /** Parties still seated {@code after} their end: the completion job's. */
    List<UUID> seatedEndedBefore(OffsetDateTime before, int batch) {
        return db.select(TABLE_RESERVATION.ID).from(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.STATUS.eq("SEATED")).and(TABLE_RESERVATION.ENDS_AT.lt(before))
                .orderBy(TABLE_RESERVATION.ENDS_AT).limit(batch).fetch(TABLE_RESERVATION.ID);
    }

    /** Completed visits whose refund is owed and due at {@code now}. */
    List<UUID> completionRefundsDue(OffsetDateTime now, int batch) {
        return db.select(TABLE_RESERVATION.ID).from(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.STATUS.eq("COMPLETED")).and(TABLE_RESERVATION.REFUND_DUE.isNotNull())
                .and(TABLE_RESERVATION.PAYMENT_STATUS.ne("REFUND_FAILED"))
                .and(TABLE_RESERVATION.REFUND_NEXT_AT.isNull().or(TABLE_RESERVATION.REFUND_NEXT_AT.le(now)))
                .orderBy(TABLE_RESERVATION.REFUND_NEXT_AT.asc().nullsFirst()).limit(batch)
                .fetch(TABLE_RESERVATION.ID);
    }
}
