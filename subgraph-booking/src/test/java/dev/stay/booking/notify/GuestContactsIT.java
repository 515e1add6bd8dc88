package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.APPLIED_EVENT;
import static dev.stay.booking.db.Tables.GUEST_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Booking's copy of how to reach each guest follows the users subgraph's {@code profile-changed}: each applied once,
 * never an older version over a newer one; a malformed one dead-lettered at once.
 */
@SubgraphTest
class GuestContactsIT {

    static final DeadLetters DEAD_LETTERS = new DeadLetters(ProfileFeedListener.TOPIC + ".DLT");

    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    NotifyFixtures fixtures;

    @BeforeEach
    void connect() {
        fixtures = new NotifyFixtures(db, json);
    }

    @AfterEach
    void close() {
        fixtures.close();
    }

    @Test
    void anOlderProfileArrivingLateNeverReplacesANewerOne() {
        UUID guest = UUID.randomUUID();
        fixtures.announce(guest, "en", "v1@stay.example", null, true, false, true, 1);
        fixtures.announce(guest, "pt-PT", "v3@stay.example", "+351912345678", true, true, false, 3);
        String late = fixtures.announce(guest, "fr-FR", "v2@stay.example", null, false, false, true, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.fetchExists(APPLIED_EVENT,
                APPLIED_EVENT.EVENT_ID.eq(late)));

        var contact = db.fetchOne(GUEST_CONTACT, GUEST_CONTACT.USER_ID.eq(guest));
        assertThat(contact.getVersion()).isEqualTo(3);
        assertThat(contact.getEmail()).isEqualTo("v3@stay.example");
        assertThat(contact.getLocale()).isEqualTo("pt-PT");
        assertThat(contact.getNotifySms()).isTrue();
        assertThat(contact.getNotifyReminders()).isFalse();
    }

    @Test
    void aProfileWithoutItsVersionIsDeadLetteredAtOnceAndTheNextIsApplied() {
        UUID guest = UUID.randomUUID();
        fixtures.sendRaw(ProfileFeedListener.TOPIC, guest, "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"profile-changed\",\"data\":{\"userId\":\"" + guest + "\"}}");
        fixtures.announce(guest, "de-DE", "ok@stay.example", null, true, false, true, 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> db.fetchExists(GUEST_CONTACT, GUEST_CONTACT.USER_ID.eq(guest)));
        await().atMost(Duration.ofSeconds(20)).until(() -> DEAD_LETTERS.withKey(guest).size() == 1);
        assertThat(DEAD_LETTERS.withKey(guest).getFirst().headers()).contains("MalformedEventException");
    }
}
