package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.NOTIFICATION;
import static dev.stay.booking.notify.NotifyFixtures.body;
import static dev.stay.booking.notify.NotifyFixtures.event;
import static dev.stay.booking.notify.NotifyFixtures.messagesSent;
import static dev.stay.booking.notify.NotifyFixtures.requestsFor;
import static dev.stay.booking.notify.NotifyFixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Booking events on the real broker become messages at the provider's stub, whose journal is the proof: one per
 * event per channel the guest wants, in the guest's language, even when the event comes twice or the consumer stopped
 * between the provider's answer and its own record of it.
 */
@SubgraphTest
class NotificationsIT {

    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired KafkaListenerEndpointRegistry listeners;
    NotifyFixtures fixtures;
    UUID hotel;
    LocalDate checkIn = LocalDate.of(2027, 3, 10);
    LocalDate checkOut = LocalDate.of(2027, 3, 12);

    @BeforeEach
    void hotel() {
        fixtures = new NotifyFixtures(db, json);
        hotel = fixtures.aHotelIn("Europe/Lisbon");
    }

    @AfterEach
    void close() {
        fixtures.close();
    }

    @ParameterizedTest
    @CsvSource({
            "booking.confirmed,      Booking STY-, is confirmed: one room from 10 March 2027 to 12 March 2027, €1,234.50 paid",
            "booking.cancelled,      cancelled,    from 10 March 2027 to 12 March 2027 is cancelled. Refund: €617.25",
            "booking.changed,        new dates,    has moved from 1 March 2027 to 3 March 2027 to 10 March 2027 to 12 March 2027. New total: €1,234.50",
            "booking.payment-failed, payment failed, did not go through, so the rooms were not kept"})
    void eachEventIsSentOncePerChannelFromItsTemplate(String type, String subject, String email) {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        Map<String, Object> data = stay(hotel, guest, checkIn, checkOut);
        data.put("refund", new BigDecimal("617.25"));
        data.put("previousCheckIn", "2027-03-01");
        data.put("previousCheckOut", "2027-03-03");
        var event = event(type, data);

        fixtures.publish(event);
        fixtures.awaitSent(event.eventId(), Channel.EMAIL, Channel.SMS);

        var mail = messagesSent(event.eventId(), Channel.EMAIL);
        var sms = messagesSent(event.eventId(), Channel.SMS);
        assertThat(mail).hasSize(1);
        assertThat(sms).hasSize(1);
        assertThat(body(mail.getFirst())).contains("\"channel\":\"email\"").contains("guest-")
                .contains(subject).contains(email).contains((String) data.get("reference"));
        assertThat(body(sms.getFirst())).contains("\"channel\":\"sms\"").contains("\"to\":\"+3519")
                .doesNotContain("\"subject\"").contains((String) data.get("reference"));
        assertThat(requestsFor(event.eventId())).as("nothing else sent").hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pt-PT | Reserva STY- | confirmada: um quarto de 10 de março de 2027 a 12 de março de 2027, 1 234,50 €",
            "fr-FR | Réservation STY- | confirmée : une chambre du 10 mars 2027 au 12 mars 2027, 1 234,50 €",
            "de-DE | Buchung STY- | bestätigt: ein Zimmer vom 10. März 2027 bis 12. März 2027, 1.234,50 €",
            "ja-JP | Booking STY- | is confirmed: one room from March 10, 2027 to March 12, 2027"})
    void theMessageIsInTheGuestsLanguageWithDatesAndMoneyWrittenTheirWay(String locale, String subject, String text) {
        UUID id = UUID.randomUUID();
        UUID guest = fixtures.aGuest(locale, "guest-" + id + "@stay.example", null, true, false, true);
        var event = event("booking.confirmed", stay(hotel, guest, checkIn, checkOut));

        fixtures.publish(event);
        fixtures.awaitSent(event.eventId(), Channel.EMAIL);

        String sent = body(messagesSent(event.eventId(), Channel.EMAIL).getFirst())
                .replace('\u00a0', ' ').replace('\u202f', ' ');
        assertThat(sent).contains(subject).contains(text);
    }

    @Test
    void aGuestWithSmsOffGetsNoSmsAndOneWithEverythingOffGetsNothing() {
        UUID id = UUID.randomUUID();
        UUID emailOnly = fixtures.aGuest("en", "guest-" + id + "@stay.example", "+351912345678", true, false, true);
        UUID nothing = fixtures.aGuest("en", "quiet-" + id + "@stay.example", "+351912345679", false, false, false);
        var toEmailOnly = event("booking.confirmed", stay(hotel, emailOnly, checkIn, checkOut));
        var toNobody = event("booking.confirmed", stay(hotel, nothing, checkIn, checkOut));
        var marker = event("booking.confirmed", stay(hotel, emailOnly, checkIn, checkOut));

        fixtures.publish(toEmailOnly, toNobody, marker); // one key: handled in this order
        fixtures.awaitSent(marker.eventId(), Channel.EMAIL);

        assertThat(messagesSent(toEmailOnly.eventId(), Channel.EMAIL)).hasSize(1);
        assertThat(requestsFor(toEmailOnly.eventId())).hasSize(1);
        assertThat(requestsFor(toNobody.eventId())).isEmpty();
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.EVENT_ID.eq(toNobody.eventId()))).isZero();
    }

    @Test
    void anEventConsumedTwiceSendsOneMessagePerChannel() {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var event = event("booking.confirmed", stay(hotel, guest, checkIn, checkOut));
        var marker = event("booking.cancelled", stay(hotel, guest, checkIn, checkOut));

        fixtures.publish(event, event);
        fixtures.awaitSent(event.eventId(), Channel.EMAIL, Channel.SMS);
        fixtures.publish(event, marker); // a relay that lost its commit sends it again, later
        fixtures.awaitSent(marker.eventId(), Channel.EMAIL, Channel.SMS);

        assertThat(requestsFor(event.eventId())).as("the copies never reach the provider").hasSize(2);
        assertThat(messagesSent(event.eventId(), Channel.EMAIL)).hasSize(1);
        assertThat(messagesSent(event.eventId(), Channel.SMS)).hasSize(1);
    }

    /**
     * The consumer sent the email, the provider sent it, and the process died before marking it: the row says
     * SENDING. The event comes again; the email goes out with the same key, which the provider answers as a replay.
     */
    @Test
    void aConsumerStoppedBetweenTheSendAndItsRecordStillSendsOneMessage() throws Exception {
        UUID guest = fixtures.aGuest("en", "crash-" + UUID.randomUUID() + "@stay.example", null, true, false, true);
        Map<String, Object> data = stay(hotel, guest, checkIn, checkOut);
        var event = event("booking.confirmed", data);
        db.insertInto(NOTIFICATION).set(NOTIFICATION.EVENT_ID, event.eventId()).set(NOTIFICATION.CHANNEL, "EMAIL")
                .set(NOTIFICATION.KIND, "CONFIRMED").set(NOTIFICATION.BOOKING_ID, UUID.fromString((String) data.get("bookingId")))
                .set(NOTIFICATION.STATUS, "SENDING").set(NOTIFICATION.ATTEMPTS, 1).execute();
        HttpResponse<String> before = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Engines.shared().notifications().url() + "/v1/messages"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", event.eventId() + ":EMAIL")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"email\",\"to\":\"x@stay.example\",\"body\":\"b\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).as("the send before the crash").isEqualTo(201);

        fixtures.publish(event);
        fixtures.awaitSent(event.eventId(), Channel.EMAIL);

        assertThat(requestsFor(event.eventId())).as("sent again with the same key").hasSize(2);
        assertThat(requestsFor(event.eventId()).getLast().getResponse().getStatus()).as("a replay").isEqualTo(200);
        assertThat(messagesSent(event.eventId(), Channel.EMAIL)).as("what the guest received").hasSize(1);
        assertThat(db.fetchOne(NOTIFICATION, NOTIFICATION.EVENT_ID.eq(event.eventId())).getAttempts()).isEqualTo(2);
    }

    /** The consumer restarts from before an event it had handled (its offset commit was lost): nothing new is sent. */
    @Test
    void aConsumerRestartedFromBeforeAHandledEventSendsNothingAgain() throws Exception {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var event = event("booking.confirmed", stay(hotel, guest, checkIn, checkOut));
        RecordMetadata at = fixtures.publish(event);
        fixtures.awaitSent(event.eventId(), Channel.EMAIL, Channel.SMS);

        MessageListenerContainer container = listeners.getListenerContainer(NotificationListener.ID);
        container.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Engines.shared().kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> admin
                    .alterConsumerGroupOffsets(NotificationListener.ID, Map.of(
                            new TopicPartition(at.topic(), at.partition()), new OffsetAndMetadata(at.offset())))
                    .all().get());
        }
        container.start();
        var marker = event("booking.cancelled", stay(hotel, guest, checkIn, checkOut));
        fixtures.publish(marker);
        fixtures.awaitSent(marker.eventId(), Channel.EMAIL, Channel.SMS);

        assertThat(requestsFor(event.eventId())).hasSize(2);
        assertThat(messagesSent(event.eventId(), Channel.EMAIL)).hasSize(1);
        assertThat(messagesSent(event.eventId(), Channel.SMS)).hasSize(1);
    }
}
