package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.GUEST_CONTACT;
import static dev.stay.booking.db.Tables.NOTIFICATION;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.devstack.engines.Engines;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import org.jooq.DSLContext;

/**
 * A hotel in a time zone, guests announced by the users subgraph's {@code profile-changed}, booking events in the
 * outbox's envelope on the real broker, and the messaging provider's journal to count what guests received.
 */
final class NotifyFixtures implements AutoCloseable {

    static final String BOOKINGS = NotificationListener.TOPIC;
    static final String PROFILES = ProfileFeedListener.TOPIC;

    /** A booking event as the outbox publishes it. */
    record Event(String eventId, String type, UUID propertyId, Map<String, Object> data) {}

    private final DSLContext db;
    private final JsonMapper json;
    private final KafkaProducer<String, String> producer;

    NotifyFixtures(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    static WireMockServer provider() {
        return Engines.shared().notifications().server();
    }

    UUID aHotelIn(String timeZone) {
        UUID hotel = UUID.randomUUID();
        db.insertInto(dev.stay.booking.db.Tables.PROPERTY).set(new PropertyRecord().setId(hotel)
                .setOwnerId(UUID.randomUUID()).setTimeZone(timeZone).setCurrency("EUR").setStatus("PUBLISHED"))
                .execute();
        return hotel;
    }

    /** A guest as the users subgraph announces them, known to booking once this returns. */
    UUID aGuest(String locale, String email, String phone, boolean byEmail, boolean bySms, boolean reminders) {
        UUID guest = UUID.randomUUID();
        announce(guest, locale, email, phone, byEmail, bySms, reminders, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.fetchExists(GUEST_CONTACT, GUEST_CONTACT.USER_ID.eq(guest)));
        return guest;
    }

    UUID anEnglishGuestWithEmailAndSms() {
        UUID id = UUID.randomUUID();
        return aGuest("en-GB", "guest-" + id + "@stay.example", "+3519" + (10000000 + (id.hashCode() & 0xFFFFFF)),
                true, true, true);
    }

    String announce(UUID guest, String locale, String email, String phone, boolean byEmail, boolean bySms,
            boolean reminders, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", guest.toString());
        data.put("email", email);
        data.put("phone", phone);
        data.put("locale", locale);
        data.put("notifyByEmail", byEmail);
        data.put("notifyBySms", bySms);
        data.put("notifyReminders", reminders);
        data.put("version", version);
        data.put("occurredAt", Instant.now().toString());
        String eventId = UUID.randomUUID().toString();
        send(PROFILES, guest.toString(), envelope(eventId, "profile-changed", data));
        return eventId;
    }

    /** A booking event's data, every field the outbox writes for it; tests adjust what they need. */
    static Map<String, Object> stay(UUID hotel, UUID guest, LocalDate checkIn, LocalDate checkOut) {
        Map<String, Object> data = new LinkedHashMap<>();
        UUID booking = UUID.randomUUID();
        data.put("bookingId", booking.toString());
        data.put("reference", "STY-" + booking.toString().substring(0, 6).toUpperCase());
        data.put("propertyId", hotel.toString());
        data.put("roomTypeId", UUID.randomUUID().toString());
        data.put("guestId", guest.toString());
        data.put("checkIn", checkIn.toString());
        data.put("checkOut", checkOut.toString());
        data.put("rooms", 1);
        data.put("total", new BigDecimal("1234.50"));
        data.put("currency", "EUR");
        data.put("occurredAt", Instant.now().toString());
        return data;
    }

    static Event event(String type, Map<String, Object> data) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("occurredAt", Instant.now().toString());
        return new Event(UUID.randomUUID().toString(), type, UUID.fromString((String) data.get("propertyId")), copy);
    }

    /** @return where the last one landed */
    RecordMetadata publish(Event... events) {
        RecordMetadata last = null;
        for (Event e : events) {
            last = send(BOOKINGS, e.propertyId().toString(), envelope(e.eventId(), e.type(), e.data()));
        }
        return last;
    }

    void sendRaw(String topic, UUID key, String value) {
        send(topic, key.toString(), value);
    }

    private String envelope(String eventId, String type, Map<String, Object> data) {
        return json.writeValueAsString(Map.of("eventId", eventId, "type", type, "occurredAt", Instant.now().toString(),
                "data", data));
    }

    private RecordMetadata send(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every given channel of the event is marked sent. */
    void awaitSent(String eventId, Channel... channels) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(NOTIFICATION,
                NOTIFICATION.EVENT_ID.eq(eventId).and(NOTIFICATION.STATUS.eq("SENT"))
                        .and(NOTIFICATION.CHANNEL.in(List.of(channels).stream().map(Enum::name).toList())))
                == channels.length);
    }

    /** Every request the provider received for a message of this event (any channel), oldest first. */
    static List<ServeEvent> requestsFor(String eventId) {
        return provider().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/messages"))
                .filter(e -> {
                    String key = e.getRequest().getHeader("Idempotency-Key");
                    return key != null && key.startsWith(eventId + ":");
                })
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** The messages the provider sent (201) for this event on a channel: what the guest received. */
    static List<ServeEvent> messagesSent(String eventId, Channel channel) {
        return requestsFor(eventId).stream()
                .filter(e -> e.getRequest().getHeader("Idempotency-Key").equals(eventId + ":" + channel.name()))
                .filter(e -> e.getResponse().getStatus() == 201)
                .toList();
    }

    static String body(ServeEvent e) {
        return e.getRequest().getBodyAsString();
    }

    @Override
    public void close() {
        producer.close();
    }
}
