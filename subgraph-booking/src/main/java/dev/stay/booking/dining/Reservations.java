package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Reads and locks table reservations: the API's view in one statement for a whole batch, the rows for changes. */
@Repository
public class Reservations {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DSLContext db;

    Reservations(DSLContext db) {
        this.db = db;
    }

    public Optional<TableReservation> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The reservations with these ids, with their restaurant's owner, in one statement. */
    public List<TableReservation> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.select(TABLE_RESERVATION.asterisk(), RESTAURANT.OWNER_ID, RESTAURANT.DEPOSIT_REFUNDABLE_HOURS)
                .from(TABLE_RESERVATION)
                .join(RESTAURANT).on(RESTAURANT.ID.eq(TABLE_RESERVATION.RESTAURANT_ID))
                .where(TABLE_RESERVATION.ID.in(ids))
                .and(TABLE_RESERVATION.CHANGE_OF.isNull())
                .fetch(Reservations::toReservation);
    }

    /** The reservation's row, locked until the transaction ends. */
    public Optional<TableReservationRecord> lock(UUID id) {
        return db.selectFrom(TABLE_RESERVATION).where(TABLE_RESERVATION.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** A row of {@code table_reservation} joined to its {@code restaurant}. */
    public static TableReservation toReservation(Record r) {
        String currency = r.get(TABLE_RESERVATION.CURRENCY);
        return new TableReservation(r.get(TABLE_RESERVATION.ID), r.get(TABLE_RESERVATION.REFERENCE),
                r.get(TABLE_RESERVATION.STATUS), new Restaurant(r.get(TABLE_RESERVATION.RESTAURANT_ID)),
                r.get(TABLE_RESERVATION.TABLE_ID), r.get(TABLE_RESERVATION.DAY),
                r.get(TABLE_RESERVATION.LOCAL_TIME).format(HH_MM), r.get(TABLE_RESERVATION.STARTS_AT),
                r.get(TABLE_RESERVATION.ENDS_AT), r.get(TABLE_RESERVATION.PARTY_SIZE),
                TableReservation.Money.of(r.get(TABLE_RESERVATION.DEPOSIT), currency),
                new TableReservation.Payment(r.get(TABLE_RESERVATION.PAYMENT_STATUS),
                        TableReservation.Money.of(r.get(TABLE_RESERVATION.CHARGED), currency),
                        TableReservation.Money.of(r.get(TABLE_RESERVATION.REFUNDED), currency),
                        TableReservation.Money.of(r.get(TABLE_RESERVATION.REFUND_DUE), currency)),
                r.get(TABLE_RESERVATION.HOLD_EXPIRES_AT), r.get(TABLE_RESERVATION.CREATED_AT),
                new TableReservation.Guest(r.get(TABLE_RESERVATION.GUEST_ID)), r.get(TABLE_RESERVATION.NOTE),
                r.get(TABLE_RESERVATION.PARTNER_REFERENCE), r.get(RESTAURANT.OWNER_ID),
                r.get(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS), r.get(TABLE_RESERVATION.CHARGED),
                r.get(TABLE_RESERVATION.REFUNDED));
    }
}
