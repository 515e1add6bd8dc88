package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.GUEST_CONTACT;
import static dev.stay.booking.db.Tables.REMINDER;
import static dev.stay.booking.notify.NotifyFixtures.body;
import static dev.stay.booking.notify.NotifyFixtures.event;
import static dev.stay.booking.notify.NotifyFixtures.messagesSent;
import static dev.stay.booking.notify.NotifyFixtures.requestsFor;
import static dev.stay.booking.notify.NotifyFixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reminder the day before arrival, at 10:00 in the hotel's own time zone, however far from UTC; once per channel
 * however many instances run the job; for the dates the booking has now; never for a cancelled booking or a guest
 * who does not want reminders. The job is run here at chosen instants ({@code stay.notify.reminder-interval} is long
 * in tests).
 */
@SubgraphTest
class RemindersIT {

    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired ReminderJob job;
    NotifyFixtures fixtures;

    @BeforeEach
    void connect() {
        fixtures = new NotifyFixtures(db, json);
    }

    @AfterEach
    void close() {
        fixtures.close();
    }

    @ParameterizedTest
    @CsvSource({
            // 10:00 on 9 March at UTC+14 is 20:00 UTC on 8 March: the day before in UTC
            "Pacific/Kiritimati, 2027-03-08T20:00:00Z",
            // 10:00 on 9 March at UTC-11 is 21:00 UTC on 9 March
            "Pacific/Pago_Pago,  2027-03-09T21:00:00Z",
            "Europe/Lisbon,      2027-03-09T10:00:00Z"})
    void theReminderGoesOutAtTenOnTheDayBeforeArrivalInTheHotelsTimeZone(String zone, Instant due) {
        UUID hotel = fixtures.aHotelIn(zone);
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        var confirmed = event("booking.confirmed", stay(hotel, guest, LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 12)));
        String reminder = confirm(confirmed);

        job.sendDue(due.minusSeconds(1));
        assertThat(requestsFor(reminder)).as("a second early").isEmpty();
        job.sendDue(due);

        fixtures.awaitSent(reminder, Channel.EMAIL, Channel.SMS);
        assertThat(body(messagesSent(reminder, Channel.EMAIL).getFirst())).contains("starts tomorrow, 10 March 2027");
        assertThat(messagesSent(reminder, Channel.SMS)).hasSize(1);
        job.sendDue(due.plus(Duration.ofHours(6)));
        assertThat(requestsFor(reminder)).as("sent once").hasSize(2);
    }

    @Test
    void fourInstancesRunningTheJobAtOnceSendOneReminderPerChannel() throws Exception {
        UUID hotel = fixtures.aHotelIn("Asia/Tokyo");
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        String reminder = confirm(event("booking.confirmed",
                stay(hotel, guest, LocalDate.of(2027, 4, 2), LocalDate.of(2027, 4, 3))));
        Instant due = Instant.parse("2027-04-01T01:00:00Z"); // 10:00 in Tokyo

        try (var pool = Executors.newFixedThreadPool(4)) {
            Callable<Integer> run = () -> job.sendDue(due);
            var results = pool.invokeAll(List.of(run, run, run, run));
            for (var r : results) {
                r.get();
            }
        }

        assertThat(messagesSent(reminder, Channel.EMAIL)).hasSize(1);
        assertThat(messagesSent(reminder, Channel.SMS)).hasSize(1);
        assertThat(requestsFor(reminder)).hasSize(2);
    }

    @Test
    void aMovedBookingIsRemindedForItsNewDatesAndACancelledOneNotAtAll() {
        UUID hotel = fixtures.aHotelIn("America/New_York");
        UUID guest = fixtures.anEnglishGuestWithEmailAndSms();
        Map<String, Object> data = stay(hotel, guest, LocalDate.of(2027, 6, 10), LocalDate.of(2027, 6, 12));
        String firstDates = confirm(event("booking.confirmed", data));
        data.put("previousCheckIn", "2027-06-10");
        data.put("previousCheckOut", "2027-06-12");
        data.put("checkIn", "2027-06-20");
        data.put("checkOut", "2027-06-22");
        var moved = event("booking.changed", data);
        fixtures.publish(moved);
        fixtures.awaitSent(moved.eventId(), Channel.EMAIL, Channel.SMS);
        Map<String, Object> other = stay(hotel, guest, LocalDate.of(2027, 6, 10), LocalDate.of(2027, 6, 11));
        String cancelledOne = confirm(event("booking.confirmed", other));
        var cancelled = event("booking.cancelled", other);
        fixtures.publish(cancelled);
        fixtures.awaitSent(cancelled.eventId(), Channel.EMAIL, Channel.SMS);

        job.sendDue(Instant.parse("2027-06-09T14:00:00Z")); // 10:00 in New York, the day before the first dates
        job.sendDue(Instant.parse("2027-06-19T14:00:00Z")); // and before the new ones

        assertThat(requestsFor(firstDates)).isEmpty();
        assertThat(requestsFor(cancelledOne)).isEmpty();
        String newDates = "reminder:" + data.get("bookingId") + ":2027-06-20";
        fixtures.awaitSent(newDates, Channel.EMAIL, Channel.SMS);
        assertThat(messagesSent(newDates, Channel.EMAIL)).hasSize(1);
    }

    @Test
    void aGuestWhoWantsNoRemindersGetsNoneAndABookingConfirmedOnTheEveOfArrivalGetsNoneLate() {
        UUID hotel = fixtures.aHotelIn("Europe/Berlin");
        UUID id = UUID.randomUUID();
        UUID noReminders = fixtures.aGuest("de-DE", "nr-" + id + "@stay.example", null, true, false, false);
        UUID late = fixtures.aGuest("de-DE", "late-" + id + "@stay.example", null, true, false, true);
        String unwanted = confirm(event("booking.confirmed",
                stay(hotel, noReminders, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 2))));
        String tooLate = confirm(event("booking.confirmed",
                stay(hotel, late, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 2))));

        job.sendDue(Instant.parse("2027-07-01T08:00:00Z")); // arrival day already, 10:00 in Berlin

        assertThat(requestsFor(unwanted)).isEmpty();
        assertThat(requestsFor(tooLate)).isEmpty();
        assertThat(db.fetchCount(REMINDER, REMINDER.GUEST_ID.in(noReminders, late).and(REMINDER.DONE_AT.isNull())))
                .as("both settled, neither due again").isZero();
    }

    @Test
    void aReminderTheProviderKeepsRefusingIsRetriedWithGrowingWaitsThenDeadLettered() {
        UUID hotel = fixtures.aHotelIn("Australia/Sydney");
        // no channel for the confirmation, then an address the provider never accepts, for the reminder
        UUID guest = fixtures.aGuest("en", "guest@unavailable.example", null, false, false, true);
        Map<String, Object> data = stay(hotel, guest, LocalDate.of(2027, 8, 20), LocalDate.of(2027, 8, 21));
        UUID booking = UUID.fromString((String) data.get("bookingId"));
        confirm(event("booking.confirmed", data));
        fixtures.announce(guest, "en", "guest@unavailable.example", null, true, false, true, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchOne(GUEST_CONTACT,
                GUEST_CONTACT.USER_ID.eq(guest)).getNotifyEmail());
        String reminder = "reminder:" + booking + ":2027-08-20";

        Instant at = Instant.parse("2027-08-19T00:00:00Z"); // 10:00 in Sydney
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            job.sendDue(at);
            var row = db.fetchOne(REMINDER, REMINDER.BOOKING_ID.eq(booking));
            if (row.getDoneAt() != null) {
                break;
            }
            Instant next = row.getRemindAt().toInstant();
            waits.add(Duration.between(at, next));
            at = next;
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8));
        assertThat(db.fetchOne(REMINDER, REMINDER.BOOKING_ID.eq(booking)).getDoneAt()).isNotNull();
        assertThat(requestsFor(reminder)).hasSize(5).allMatch(e -> e.getResponse().getStatus() == 503);
        var letters = NotificationFailuresIT.DEAD_LETTERS.withKey(hotel);
        assertThat(letters).hasSize(1);
        assertThat(letters.getFirst().value()).contains(reminder).contains("booking.reminder");
        assertThat(letters.getFirst().headers()).contains("after 5 attempts");
    }

    /** @return the reminder's event id, once the confirmation was sent (so its reminder is recorded) */
    private String confirm(NotifyFixtures.Event confirmed) {
        fixtures.publish(confirmed);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchExists(REMINDER,
                REMINDER.BOOKING_ID.eq(UUID.fromString((String) confirmed.data().get("bookingId")))));
        return "reminder:" + confirmed.data().get("bookingId") + ":" + confirmed.data().get("checkIn");
    }
}
