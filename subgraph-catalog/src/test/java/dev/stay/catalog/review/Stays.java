package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.REVIEW_STAY;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;

/**
 * A published hotel and the stays booking says ended there: {@code booking.completed} and {@code booking.no-show}
 * published on {@code booking.booking} through the real broker, in the envelope booking's outbox sends.
 */
record Stays(DSLContext db, UUID owner, UUID hotel) {

    static Stays aPublishedHotel(DSLContext db) {
        var stays = new Stays(db, UUID.randomUUID(), UUID.randomUUID());
        db.executeInsert(new PropertyRecord().setId(stays.hotel).setOwnerId(stays.owner)
                .setStatus(PropertyStatus.PUBLISHED).setName("Casa Avaliada").setDescription("").setStars(4)
                .setStreet("Rua 1").setCity("Lisboa").setCountry("PT").setLat(38.72).setLon(-9.14)
                .setTimeZone("Europe/Lisbon").setCurrency("EUR").setAmenities(new Amenity[0]).setVersion(1));
        return stays;
    }

    /** A stay of {@code guest} that checked out on {@code checkOut}, completed; its booking id once the catalog knows it. */
    UUID completed(UUID guest, LocalDate checkOut) {
        UUID booking = UUID.randomUUID();
        publish(completedEvent(UUID.randomUUID().toString(), booking, guest, checkOut));
        awaitKnown(booking);
        return booking;
    }

    String completedEvent(String eventId, UUID booking, UUID guest, LocalDate checkOut) {
        return """
                {"eventId":"%s","type":"booking.completed","occurredAt":"%s","data":{"bookingId":"%s",\
                "propertyId":"%s","roomTypeId":"%s","guestId":"%s","checkIn":"%s","checkOut":"%s",\
                "occurredAt":"%s"}}""".formatted(eventId, Instant.now(), booking, hotel, UUID.randomUUID(), guest,
                checkOut.minusDays(2), checkOut, Instant.now());
    }

    String noShowEvent(UUID booking, UUID guest, LocalDate checkOut) {
        return """
                {"eventId":"%s","type":"booking.no-show","occurredAt":"%s","data":{"bookingId":"%s",\
                "propertyId":"%s","roomTypeId":"%s","guestId":"%s","checkIn":"%s","checkOut":"%s",\
                "fee":{"amount":"100.00","currency":"EUR"},"occurredAt":"%s"}}""".formatted(UUID.randomUUID(),
                Instant.now(), booking, hotel, UUID.randomUUID(), guest, checkOut.minusDays(2), checkOut,
                Instant.now());
    }

    void publish(String... values) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(ReviewableStays.TOPIC, hotel.toString(), value));
            }
        }
    }

    void awaitKnown(UUID booking) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchExists(REVIEW_STAY, REVIEW_STAY.BOOKING_ID.eq(booking)));
    }

    static Map<String, Object> review(UUID booking, int overall, String title, String text) {
        return Map.of("bookingId", booking.toString(), "overall", overall, "cleanliness", 9, "location", 8,
                "service", 7, "value", 6, "title", title, "text", text);
    }
}
