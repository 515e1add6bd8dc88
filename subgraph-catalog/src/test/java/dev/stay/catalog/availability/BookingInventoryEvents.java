package dev.stay.catalog.availability;

import dev.stay.devstack.engines.Engines;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Booking's events on {@code booking.inventory}, in the envelope its outbox publishes, sent to the real broker. */
final class BookingInventoryEvents {

    static final String TOPIC = "booking.inventory";

    private BookingInventoryEvents() {}

    /** A night's stored state as booking announces it (own count and price null: the room type's). */
    record Night(LocalDate night, int taken, String price, long version) {

        String json() {
            return """
                    {"night":"%s","rooms":null,"taken":%d,"price":%s,"closed":false,"minStay":null,"maxStay":null,\
                    "closedToArrival":false,"closedToDeparture":false,"version":%d}""".formatted(night, taken, price,
                    version);
        }
    }

    static String roomsChanged(String eventId, UUID hotel, UUID roomType, Night... nights) {
        return envelope(eventId, "rooms-changed", """
                {"propertyId":"%s","roomTypeId":"%s","currency":"EUR","nights":[],"sale":[%s],"occurredAt":"%s"}"""
                .formatted(hotel, roomType, Arrays.stream(nights).map(Night::json).collect(Collectors.joining(",")),
                        Instant.now()));
    }

    static String roomTypeChanged(UUID hotel, UUID roomType, String basePrice, int defaultUnits, long version) {
        return envelope(UUID.randomUUID().toString(), "room-type-changed", """
                {"propertyId":"%s","roomTypeId":"%s","maxGuests":2,"defaultUnits":%d,"basePrice":%s,"minStay":1,\
                "maxStay":null,"active":true,"version":%d,"occurredAt":"%s"}""".formatted(hotel, roomType,
                defaultUnits, basePrice, version, Instant.now()));
    }

    static String envelope(String eventId, String type, String data) {
        return """
                {"eventId":"%s","type":"%s","occurredAt":"%s","data":%s}""".formatted(eventId, type, Instant.now(),
                data);
    }

    static void publish(UUID hotel, String... values) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, hotel.toString(), value));
            }
        }
    }
}
