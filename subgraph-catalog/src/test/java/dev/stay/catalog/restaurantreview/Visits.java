package dev.stay.catalog.restaurantreview;

import static dev.stay.catalog.db.Tables.RESTAURANT_VISIT;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.RestaurantRecord;
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
 * A published restaurant and the visits booking says ended there: {@code reservation.completed} and
 * {@code reservation.no-show} published on {@code booking.reservation} through the real broker, in the envelope
 * booking's outbox sends, with the whole {@code ReservationEvent}.
 */
record Visits(DSLContext db, UUID owner, UUID restaurant) {

    static Visits aPublishedRestaurant(DSLContext db) {
        var visits = new Visits(db, UUID.randomUUID(), UUID.randomUUID());
        db.executeInsert(new RestaurantRecord().setId(visits.restaurant).setOwnerId(visits.owner)
                .setStatus(PropertyStatus.PUBLISHED).setName("Tasca Avaliada").setDescription("")
                .setCuisines(new Cuisine[] {Cuisine.PORTUGUESE}).setPriceRange((short) 2)
                .setStreet("Rua 2").setCity("Lisboa").setCountry("PT").setLat(38.71).setLon(-9.13)
                .setTimeZone("Europe/Lisbon").setCurrency("EUR").setVersion(1));
        return visits;
    }

    /** A visit of {@code guest} on {@code date}, completed; its reservation id once the catalog knows it. */
    UUID completed(UUID guest, LocalDate date) {
        UUID reservation = UUID.randomUUID();
        publish(event(UUID.randomUUID().toString(), "reservation.completed", reservation, guest, date));
        awaitKnown(reservation);
        return reservation;
    }

    String event(String eventId, String type, UUID reservation, UUID guest, LocalDate date) {
        String status = switch (type) {
            case "reservation.completed" -> "COMPLETED";
            case "reservation.no-show" -> "NO_SHOW";
            default -> "CONFIRMED";
        };
        return """
                {"eventId":"%s","type":"%s","occurredAt":"%s","data":{"reservationId":"%s","reference":"R-%s",\
                "restaurantId":"%s","tableId":"%s","guestId":"%s","date":"%s","time":"20:00",\
                "startsAt":"%s","endsAt":"%s","partySize":2,"status":"%s","deposit":"0.00","currency":"EUR",\
                "version":3,"occurredAt":"%s"}}""".formatted(eventId, type, Instant.now(), reservation,
                reservation.toString().substring(0, 6), restaurant, UUID.randomUUID(), guest, date,
                date.atTime(19, 0).toInstant(java.time.ZoneOffset.UTC), date.atTime(21, 0).toInstant(java.time.ZoneOffset.UTC),
                status, Instant.now());
    }

    String completedEvent(String eventId, UUID reservation, UUID guest, LocalDate date) {
        return event(eventId, "reservation.completed", reservation, guest, date);
    }

    String noShowEvent(UUID reservation, UUID guest, LocalDate date) {
        return event(UUID.randomUUID().toString(), "reservation.no-show", reservation, guest, date);
    }

    void publish(String... values) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(ReviewableVisits.TOPIC, restaurant.toString(), value));
            }
        }
    }

    void awaitKnown(UUID reservation) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.fetchExists(RESTAURANT_VISIT, RESTAURANT_VISIT.RESERVATION_ID.eq(reservation)));
    }

    static Map<String, Object> review(UUID reservation, int overall, String title, String text) {
        return Map.of("reservationId", reservation.toString(), "overall", overall, "food", 9, "service", 8,
                "ambience", 7, "value", 6, "title", title, "text", text);
    }
}
