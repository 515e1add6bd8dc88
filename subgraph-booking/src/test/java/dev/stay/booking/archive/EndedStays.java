package dev.stay.booking.archive;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_ARCHIVE;
import static dev.stay.booking.db.Tables.BOOKING_CHANGE;
import static dev.stay.booking.db.Tables.BOOKING_NIGHT;

import dev.stay.booking.db.tables.records.BookingChangeRecord;
import dev.stay.booking.db.tables.records.BookingNightRecord;
import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.devstack.engines.Engines;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;

/**
 * A hotel in Lisbon with one room type, whose bookings are written straight into the live tables in the state a
 * stay ends in, and whose final events are published on {@code booking.booking} as booking's outbox sends them.
 */
record EndedStays(DSLContext db, UUID owner, UUID hotel, UUID roomType) {

    static EndedStays aHotel(DSLContext db) {
        var stays = new EndedStays(db, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        db.batchInsert(
                new PropertyRecord().setId(stays.hotel).setOwnerId(stays.owner).setTimeZone("Europe/Lisbon")
                        .setCurrency("EUR").setStatus("PUBLISHED"),
                new UnitTypeRecord().setId(stays.roomType).setPropertyId(stays.hotel).setMaxGuests(2)
                        .setDefaultUnits(10).setBasePrice(new BigDecimal("100.00")))
                .execute();
        return stays;
    }

    /** A booking of {@code guest} in {@code status} (a charged stay of two nights at 100.00 and 120.00 EUR). */
    UUID booking(UUID guest, String status, LocalDate checkIn) {
        UUID id = UUID.randomUUID();
        LocalDate checkOut = checkIn.plusDays(2);
        boolean paid = !status.equals("EXPIRED") && !status.equals("PAYMENT_FAILED");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.executeInsert(new BookingRecord().setId(id).setReference(reference()).setGuestId(guest)
                .setPropertyId(hotel).setUnitTypeId(roomType).setCheckIn(checkIn).setCheckOut(checkOut)
                .setGuests(2).setRooms(1).setTotal(new BigDecimal("220.00")).setCurrency("EUR").setStatus(status)
                .setPaymentStatus(paid ? "CHARGED" : "NOT_CHARGED").setCharged(paid ? new BigDecimal("220.00") : null)
                .setRefunded(paid ? BigDecimal.ZERO : null).setRefundable(false).setPenaltyPercent(100)
                .setCompletedAt(status.equals("COMPLETED") ? now : null)
                .setNoShowAt(status.equals("NO_SHOW") ? now : null)
                .setNoShowFee(status.equals("NO_SHOW") ? new BigDecimal("220.00") : null)
                .setCreatedAt(now).setUpdatedAt(now));
        db.batchInsert(new BookingNightRecord(id, checkIn, new BigDecimal("100.00")),
                new BookingNightRecord(id, checkIn.plusDays(1), new BigDecimal("120.00"))).execute();
        return id;
    }

    /** A change of the booking's dates to a dearer stay, ended as {@code status} (PAID, DECLINED...); its number. */
    int changedDates(UUID booking, String status) {
        BookingRecord b = db.selectFrom(BOOKING).where(BOOKING.ID.eq(booking)).fetchSingle();
        int change = b.getChanges() + 1;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.update(BOOKING).set(BOOKING.CHANGES, change).where(BOOKING.ID.eq(booking)).execute();
        db.insertInto(BOOKING_CHANGE).set(new BookingChangeRecord().setBookingId(booking).setChange(change)
                .setCheckIn(b.getCheckIn().plusDays(1)).setCheckOut(b.getCheckOut().plusDays(1))
                .setNightPrices(new BigDecimal[] {new BigDecimal("130.00"), new BigDecimal("130.00")})
                .setTotal(new BigDecimal("260.00")).setDifference(new BigDecimal("40.00")).setRefundable(false)
                .setPenaltyPercent(100).setStatus(status).setChargeId(status.equals("PAID") ? "ch_" + change : null)
                .setCreatedAt(now).setUpdatedAt(now)).execute();
        return change;
    }

    /** Booking's final event for the booking, in the envelope its outbox publishes; its event id. */
    String finalEvent(UUID booking, String type, String eventId) {
        BookingRecord b = db.selectFrom(BOOKING).where(BOOKING.ID.eq(booking)).fetchSingle();
        publish("""
                {"eventId":"%s","type":"%s","occurredAt":"%s","data":{"bookingId":"%s","propertyId":"%s",\
                "roomTypeId":"%s","guestId":"%s","checkIn":"%s","checkOut":"%s","occurredAt":"%s"}}"""
                .formatted(eventId, type, Instant.now(), booking, hotel, roomType, b.getGuestId(), b.getCheckIn(),
                        b.getCheckOut(), Instant.now()));
        return eventId;
    }

    void publish(String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(EndedBookings.TOPIC, hotel.toString(), value));
        }
    }

    int live(Collection<UUID> ids) {
        return db.fetchCount(BOOKING, BOOKING.ID.in(ids));
    }

    int liveNights(Collection<UUID> ids) {
        return db.fetchCount(BOOKING_NIGHT, BOOKING_NIGHT.BOOKING_ID.in(ids));
    }

    /** Archive rows of these bookings, duplicates counted. */
    int archived(Collection<UUID> ids) {
        return db.fetchCount(BOOKING_ARCHIVE, BOOKING_ARCHIVE.ID.in(ids));
    }

    /** Says the archived bookings ended {@code daysAgo} days ago, the first a minute earlier than the next. */
    void endedDaysAgo(java.util.List<UUID> ids, int daysAgo) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo).minusHours(1);
        for (int i = 0; i < ids.size(); i++) {
            db.update(BOOKING_ARCHIVE).set(BOOKING_ARCHIVE.ENDED_AT, start.plusMinutes(i))
                    .where(BOOKING_ARCHIVE.ID.eq(ids.get(i))).execute();
        }
    }

    private static String reference() {
        String letters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder ref = new StringBuilder("STY-");
        for (int i = 0; i < 6; i++) {
            ref.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return ref.toString();
    }
}
