package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING_NIGHT;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.PROPERTY;

import dev.stay.booking.db.tables.records.BookingRecord;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Stays on dates createBooking no longer takes (they began, or ended): written as createBooking leaves a confirmed
 * booking (paid in full, its nights taken, the policy fixed), at 100.00 EUR a night, one room, for a hotel of
 * {@link BookingFixtures} moved to the given time zone.
 */
record PastStays(DSLContext db, BookingFixtures hotel, ZoneId zone) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static PastStays at(DSLContext db, BookingFixtures hotel, String zone) {
        db.update(PROPERTY).set(PROPERTY.TIME_ZONE, zone).where(PROPERTY.ID.eq(hotel.hotel())).execute();
        return new PastStays(db, hotel, ZoneId.of(zone));
    }

    /** The hotel's date now. */
    LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Refundable, free until the day before arrival, then {@code penaltyPercent} kept. */
    UUID aPaidStay(UUID guest, LocalDate checkIn, LocalDate checkOut, int penaltyPercent) {
        return aPaidStay(guest, checkIn, checkOut, true, penaltyPercent);
    }

    UUID aPaidStay(UUID guest, LocalDate checkIn, LocalDate checkOut, boolean refundable, int penaltyPercent) {
        UUID id = UUID.randomUUID();
        int nights = checkIn.datesUntil(checkOut).toList().size();
        BigDecimal total = new BigDecimal("100.00").multiply(BigDecimal.valueOf(nights));
        OffsetDateTime now = OffsetDateTime.now();
        for (LocalDate night : checkIn.datesUntil(checkOut).toList()) {
            db.insertInto(INVENTORY_NIGHT).set(INVENTORY_NIGHT.UNIT_TYPE_ID, hotel.roomType())
                    .set(INVENTORY_NIGHT.NIGHT, night).set(INVENTORY_NIGHT.TAKEN_UNITS, 1)
                    .onConflict(INVENTORY_NIGHT.UNIT_TYPE_ID, INVENTORY_NIGHT.NIGHT)
                    .doUpdate().set(INVENTORY_NIGHT.TAKEN_UNITS, INVENTORY_NIGHT.TAKEN_UNITS.plus(1))
                    .execute();
        }
        db.executeInsert(new BookingRecord().setId(id).setReference(reference()).setGuestId(guest)
                .setPropertyId(hotel.hotel()).setUnitTypeId(hotel.roomType()).setCheckIn(checkIn).setCheckOut(checkOut)
                .setGuests(2).setRooms(1).setTotal(total).setCurrency("EUR")
                .setStatus(BookingStatus.CONFIRMED).setPaymentStatus(BookingStatus.CHARGED)
                .setChargeId("ch_" + PaymentSettlement.chargeKey(id)).setCharged(total)
                .setRefundable(refundable)
                .setFreeCancellationUntil(refundable ? checkIn.atTime(15, 0).atZone(zone).minusHours(24)
                        .toOffsetDateTime() : null)
                .setPenaltyPercent(refundable ? penaltyPercent : 100)
                .setCreatedAt(now).setUpdatedAt(now));
        for (LocalDate night : checkIn.datesUntil(checkOut).toList()) {
            db.insertInto(BOOKING_NIGHT).set(BOOKING_NIGHT.BOOKING_ID, id).set(BOOKING_NIGHT.NIGHT, night)
                    .set(BOOKING_NIGHT.PRICE, new BigDecimal("100.00")).execute();
        }
        return id;
    }

    /** Rooms taken on that night of the hotel's room type. */
    int taken(LocalDate night) {
        return db.select(INVENTORY_NIGHT.TAKEN_UNITS).from(INVENTORY_NIGHT)
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(hotel.roomType())).and(INVENTORY_NIGHT.NIGHT.eq(night))
                .fetchOptional(INVENTORY_NIGHT.TAKEN_UNITS).orElse(0);
    }

    private static String reference() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder reference = new StringBuilder("STY-");
        for (int i = 0; i < 6; i++) {
            reference.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return reference.toString();
    }
}
