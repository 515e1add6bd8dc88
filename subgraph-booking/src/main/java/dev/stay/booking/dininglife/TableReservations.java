package dev.stay.booking.dininglife;

import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static org.jooq.impl.DSL.row;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Table reservations read for the lifecycle, each list in one statement. */
@Repository
class TableReservations {

    /** Released before they were ever confirmed: not in the book of the day. */
    static final List<String> NEVER_CONFIRMED = List.of("EXPIRED", "PAYMENT_FAILED");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DSLContext db;

    TableReservations(DSLContext db) {
        this.db = db;
    }

    Optional<BookedTable> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    List<BookedTable> findAll(Collection<UUID> ids) {
        return select(TABLE_RESERVATION.ID.in(ids)).fetch(TableReservations::toBooked);
    }

    /** The row, locked until the transaction ends. */
    Optional<TableReservationRecord> lock(UUID id) {
        return db.selectFrom(TABLE_RESERVATION).where(TABLE_RESERVATION.ID.eq(id)).forUpdate().fetchOptional();
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
    List<BookedTable> ofDays(Collection<Map.Entry<UUID, LocalDate>> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        Condition which = DSL.or(days.stream().map(d -> row(TABLE_RESERVATION.RESTAURANT_ID, TABLE_RESERVATION.DAY)
                .eq(d.getKey(), d.getValue())).toList());
        return db.select(TABLE_RESERVATION.asterisk(), RESTAURANT.OWNER_ID).from(TABLE_RESERVATION)
                .join(RESTAURANT).on(RESTAURANT.ID.eq(TABLE_RESERVATION.RESTAURANT_ID))
                .where(which).and(TABLE_RESERVATION.STATUS.notIn(NEVER_CONFIRMED))
                .orderBy(TABLE_RESERVATION.LOCAL_TIME, TABLE_RESERVATION.TABLE_ID, TABLE_RESERVATION.ID)
                .fetch(TableReservations::toBooked);
    }

    /**
     * A page of a guest's reservations, keyset on (starts_at, id): upcoming ones (ending now or later) soonest first,
     * past ones latest first, all by time. One row more than asked tells whether another page follows.
     */
    List<BookedTable> ofGuest(UUID guest, String when, ReservationCursor after, int first, OffsetDateTime now) {
        boolean latestFirst = when.equals("PAST");
        Condition period = switch (when) {
            case "UPCOMING" -> TABLE_RESERVATION.ENDS_AT.ge(now);
            case "PAST" -> TABLE_RESERVATION.ENDS_AT.lt(now);
            default -> DSL.noCondition();
        };
        var key = row(TABLE_RESERVATION.STARTS_AT, TABLE_RESERVATION.ID);
        Condition page = after == null ? DSL.noCondition()
                : latestFirst ? key.lt(after.startsAt(), after.id()) : key.gt(after.startsAt(), after.id());
        return db.select(TABLE_RESERVATION.asterisk(), RESTAURANT.OWNER_ID).from(TABLE_RESERVATION)
                .join(RESTAURANT).on(RESTAURANT.ID.eq(TABLE_RESERVATION.RESTAURANT_ID))
                .where(TABLE_RESERVATION.GUEST_ID.eq(guest)).and(period).and(page)
                .orderBy(latestFirst ? List.of(TABLE_RESERVATION.STARTS_AT.desc(), TABLE_RESERVATION.ID.desc())
                        : List.of(TABLE_RESERVATION.STARTS_AT.asc(), TABLE_RESERVATION.ID.asc()))
                .limit(first + 1)
                .fetch(TableReservations::toBooked);
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

    private org.jooq.SelectConditionStep<Record> select(Condition where) {
        return db.select(TABLE_RESERVATION.asterisk(), RESTAURANT.OWNER_ID).from(TABLE_RESERVATION)
                .join(RESTAURANT).on(RESTAURANT.ID.eq(TABLE_RESERVATION.RESTAURANT_ID))
                .where(where);
    }

    static BookedTable toBooked(Record r) {
        var t = r.into(TABLE_RESERVATION);
        String currency = t.getCurrency();
        var payment = new BookedTable.Payment(t.getPaymentStatus(), BookedTable.Money.of(t.getCharged(), currency),
                BookedTable.Money.of(t.getRefunded(), currency), BookedTable.Money.of(t.getRefundDue(), currency));
        return new BookedTable(t.getId(), t.getReference(), t.getStatus(), new BookedTable.Ref(t.getRestaurantId()),
                t.getTableId(), t.getDay(), t.getLocalTime().format(HH_MM), t.getStartsAt(), t.getEndsAt(),
                t.getPartySize(), BookedTable.Money.of(t.getDeposit(), currency), payment, t.getHoldExpiresAt(),
                t.getCreatedAt(), new BookedTable.Ref(t.getGuestId()), t.getNote(), t.getPartnerReference(),
                r.get(RESTAURANT.OWNER_ID));
    }
}
