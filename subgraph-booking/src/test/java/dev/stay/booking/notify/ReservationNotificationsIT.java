package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.RESERVATION_REMINDER;
import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.notify.NotifyFixtures.body;
import static dev.stay.booking.notify.NotifyFixtures.messagesSent;
import static dev.stay.booking.notify.NotifyFixtures.requestsFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code booking.reservation} events on the real broker become messages at the provider's stub: confirmed, cancelled,
 * changed and payment failed, once per channel the guest wants, in their language, even when an event comes twice;
 * the steps the restaurant takes tell the guest nothing; the reminder goes out the morning of the day, restaurant
 * time, once, and not for a reservation cancelled meanwhile; a malformed event is dead-lettered.
 */
@SubgraphTest
class ReservationNotificationsIT {

    static final String TOPIC = ReservationNotificationListener.TOPIC;
    static final DeadLetters DEAD_LETTERS = new DeadLetters(TOPIC + ".DLT");

    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired ReservationReminderJob job;
    NotifyFixtures fixtures;
    UUID restaurant = UUID.randomUUID();
    ZoneId zone = ZoneId.of("Asia/Tokyo");
    LocalDate day = LocalDate.of(2027, 5, 14);

    @BeforeEach
    void restaurant() {
        fixtures = new NotifyFixtures(db, json);
        db.insertInto(RESTAURANT).set(RESTAURANT.ID, restaurant).set(RESTAURANT.OWNER_ID, UUID.randomUUID())
                .set(RESTAURANT.STATUS, "PUBLISHED").set(RESTAURANT.TIME_ZONE, zone.getId())
                .set(RESTAURANT.CURRENCY, "EUR").set(RESTAURANT.SLOT_MINUTES, 15)
                .set(RESTAURANT.DEPOSIT_PER_GUEST, BigDecimal.TEN).set(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS, 24)
                .set(RESTAURANT.SERVICE_PERIODS, JSONB.valueOf("[]")).set(RESTAURANT.CLOSED_DATES, JSONB.valueOf("[]"))
                .set(RESTAURANT.SEATING_DURATIONS, JSONB.valueOf("[]")).set(RESTAURANT.CATALOG_VERSION, 1).execute();
    }

    @AfterEach
    void close() {
        fixtures.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "reservation.confirmed      | Table RES-  | is confirmed: 14 May 2027 at 19:30, 4 guests. Deposit paid: €40.00",
            "reservation.cancelled      | cancelled   | on 14 May 2027 at 19:30 is cancelled",
            "reservation.changed        | changed     | is now on 14 May 2027 at 19:30, 4 guests. Deposit: €40.00",
            "reservation.payment-failed | deposit payment failed | did not go through, so the table was not kept"})
    void eachEventIsSentOncePerChannelFromItsTemplate(String type, String subject, String email) {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var data = reservation(guest, "19:30", 2);
        String eventId = publish(type, data);

        fixtures.awaitSent(eventId, Channel.EMAIL, Channel.SMS);

        var mail = messagesSent(eventId, Channel.EMAIL);
        assertThat(mail).hasSize(1);
        assertThat(body(mail.getFirst())).contains(subject).contains(email).contains((String) data.get("reference"));
        assertThat(body(messagesSent(eventId, Channel.SMS).getFirst())).contains("\"channel\":\"sms\"")
                .doesNotContain("\"subject\"").contains((String) data.get("reference"));
        assertThat(requestsFor(eventId)).as("nothing else sent").hasSize(2);
    }

    @Test
    void theMessageIsInTheGuestsLanguage() {
        UUID id = UUID.randomUUID();
        UUID guest = fixtures.aGuest("pt-PT", "guest-" + id + "@stay.example", null, true, false, true);
        String eventId = publish("reservation.confirmed", reservation(guest, "20:00", 2));

        fixtures.awaitSent(eventId, Channel.EMAIL);

        assertThat(body(messagesSent(eventId, Channel.EMAIL).getFirst()).replace('\u00a0', ' '))
                .contains("Mesa RES-").contains("está confirmada: 14 de maio de 2027 às 20:00, 4 pessoas")
                .contains("40,00 €");
    }

    @Test
    void anEventConsumedTwiceIsSentOnceAndTheRestaurantsStepsTellTheGuestNothing() {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var data = reservation(guest, "12:00", 2);
        String eventId = UUID.randomUUID().toString();
        fixtures.sendRaw(TOPIC, restaurant, envelope(eventId, "reservation.confirmed", data));
        fixtures.sendRaw(TOPIC, restaurant, envelope(eventId, "reservation.confirmed", data));
        String seated = publish("reservation.seated", with(data, "status", "SEATED", "version", 3));
        String completed = publish("reservation.completed", with(data, "status", "COMPLETED", "version", 4));
        String marker = publish("reservation.changed", with(data, "version", 5));

        fixtures.awaitSent(marker, Channel.EMAIL, Channel.SMS);

        assertThat(messagesSent(eventId, Channel.EMAIL)).hasSize(1);
        assertThat(messagesSent(eventId, Channel.SMS)).hasSize(1);
        assertThat(requestsFor(seated)).isEmpty();
        assertThat(requestsFor(completed)).isEmpty();
    }

    @Test
    void theReminderGoesOutOnceTheMorningOfTheDayRestaurantTime() {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var data = reservation(guest, "19:30", 2);
        String confirmed = publish("reservation.confirmed", data);
        fixtures.awaitSent(confirmed, Channel.EMAIL, Channel.SMS);
        UUID id = UUID.fromString((String) data.get("reservationId"));
        Instant due = day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
        String reminder = "reservation-reminder:" + id + ":" + day + "T19:30";

        assertThat(db.select(RESERVATION_REMINDER.REMIND_AT).from(RESERVATION_REMINDER)
                .where(RESERVATION_REMINDER.RESERVATION_ID.eq(id)).fetchSingle().value1().toInstant()).isEqualTo(due);
        job.sendDue(due.minusSeconds(1));
        assertThat(requestsFor(reminder)).as("a second early").isEmpty();
        job.sendDue(due);
        fixtures.awaitSent(reminder, Channel.EMAIL, Channel.SMS);
        job.sendDue(due.plus(Duration.ofHours(3)));

        assertThat(body(messagesSent(reminder, Channel.EMAIL).getFirst()))
                .contains("is today, 14 May 2027, at 19:30, for 4 guests");
        assertThat(messagesSent(reminder, Channel.EMAIL)).hasSize(1);
        assertThat(messagesSent(reminder, Channel.SMS)).hasSize(1);
    }

    @Test
    void noReminderForACancelledReservationNorForAGuestWhoWantsNoneAndAnOlderEventChangesNothing() {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var data = reservation(guest, "13:00", 2);
        publish("reservation.confirmed", data);
        String cancelled = publish("reservation.cancelled", with(data, "status", "CANCELLED", "version", 3));
        fixtures.awaitSent(cancelled, Channel.EMAIL);
        String stale = publish("reservation.confirmed", data);
        UUID id = UUID.randomUUID();
        UUID quiet = fixtures.aGuest("en", "quiet-" + id + "@stay.example", "+351911111111", true, true, false);
        var quietData = reservation(quiet, "13:00", 2);
        String quietConfirmed = publish("reservation.confirmed", quietData);
        fixtures.awaitSent(stale, Channel.EMAIL);
        fixtures.awaitSent(quietConfirmed, Channel.EMAIL);

        assertThat(db.select(RESERVATION_REMINDER.DONE_AT).from(RESERVATION_REMINDER)
                .where(RESERVATION_REMINDER.RESERVATION_ID.eq(UUID.fromString((String) data.get("reservationId"))))
                .fetchSingle().value1()).as("cancelled, and the older confirmation did not reopen it").isNotNull();
        job.sendDue(day.atTime(LocalTime.of(9, 30)).atZone(zone).toInstant());
        assertThat(requestsFor("reservation-reminder:" + data.get("reservationId") + ":" + day + "T13:00")).isEmpty();
        assertThat(requestsFor("reservation-reminder:" + quietData.get("reservationId") + ":" + day + "T13:00"))
                .isEmpty();
    }

    @Test
    void anEventForAGuestWhoseContactHasNotArrivedWaitsForItAndIsSentOnce() {
        UUID newcomer = UUID.randomUUID();
        UUID known = fixtures.anEnglishGuestWithEmailAndSms();
        String early = publish("reservation.confirmed", reservation(newcomer, "18:00", 2));
        String behind = publish("reservation.confirmed", reservation(known, "18:00", 2));

        fixtures.awaitSent(behind, Channel.EMAIL);
        assertThat(requestsFor(early)).as("nowhere to send it yet").isEmpty();
        fixtures.announce(newcomer, "fr-FR", "newcomer-" + newcomer + "@stay.example", null, true, false, true, 1);

        fixtures.awaitSent(early, Channel.EMAIL);
        assertThat(messagesSent(early, Channel.EMAIL)).singleElement()
                .satisfies(e -> assertThat(body(e)).contains("newcomer-" + newcomer).contains("est confirmée"));
    }

    @Test
    void aReservationConfirmedAfterTheMorningOfItsOwnDayGetsNoReminder() {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var data = reservation(guest, "21:00", 2);
        data.put("occurredAt", day.atTime(LocalTime.of(11, 0)).atZone(zone).toInstant().toString());
        String confirmed = publish("reservation.confirmed", data);
        fixtures.awaitSent(confirmed, Channel.EMAIL);

        assertThat(db.select(RESERVATION_REMINDER.DONE_AT).from(RESERVATION_REMINDER)
                .where(RESERVATION_REMINDER.RESERVATION_ID.eq(UUID.fromString((String) data.get("reservationId"))))
                .fetchSingle().value1()).as("its confirmation has just told the guest").isNotNull();
    }

    @Test
    void aMalformedEventIsDeadLetteredAndTheNextOneStillArrives() {
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var broken = reservation(guest, "19:00", 2);
        broken.remove("reservationId");
        publish("reservation.confirmed", broken);
        fixtures.sendRaw(TOPIC, restaurant, "{not json");
        String next = publish("reservation.confirmed", reservation(guest, "21:00", 2));

        fixtures.awaitSent(next, Channel.EMAIL, Channel.SMS);
        await().atMost(Duration.ofSeconds(30)).until(() -> DEAD_LETTERS.withKey(restaurant).size() == 2);
    }

    private Map<String, Object> reservation(UUID guest, String time, int version) {
        Map<String, Object> data = new LinkedHashMap<>();
        UUID id = UUID.randomUUID();
        Instant startsAt = day.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
        data.put("reservationId", id.toString());
        data.put("reference", "RES-" + id.toString().substring(0, 6).toUpperCase().replace('-', '0'));
        data.put("restaurantId", restaurant.toString());
        data.put("tableId", UUID.randomUUID().toString());
        data.put("guestId", guest.toString());
        data.put("date", day.toString());
        data.put("time", time);
        data.put("startsAt", startsAt.toString());
        data.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        data.put("partySize", 4);
        data.put("status", "CONFIRMED");
        data.put("deposit", "40.00");
        data.put("currency", "EUR");
        data.put("version", version);
        data.put("occurredAt", "2027-05-01T10:00:00Z");
        return data;
    }

    private static Map<String, Object> with(Map<String, Object> data, Object... pairs) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put((String) pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    private String publish(String type, Map<String, Object> data) {
        String eventId = UUID.randomUUID().toString();
        fixtures.sendRaw(TOPIC, restaurant, envelope(eventId, type, data));
        return eventId;
    }

    private String envelope(String eventId, String type, Map<String, Object> data) {
        return json.writeValueAsString(Map.of("eventId", eventId, "type", type, "occurredAt",
                Instant.now().toString(), "data", data));
    }
}
