package dev.stay.booking.notify;

import dev.stay.common.events.AppliedEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps booking's copy of how to reach each guest in step with the users subgraph, which owns profiles: each event
 * applied once, never an older version over a newer one. Booking never calls users to send a message.
 */
@Component
class ProfileFeedListener {

    static final String TOPIC = "users.profile";

    private static final Logger log = LoggerFactory.getLogger(ProfileFeedListener.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final GuestContacts contacts;

    ProfileFeedListener(EventReader events, AppliedEvents applied, GuestContacts contacts) {
        this.events = events;
        this.applied = applied;
        this.contacts = contacts;
    }

    @KafkaListener(id = "booking.guest-contacts", topics = TOPIC, groupId = "booking.guest-contacts")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (!"profile-changed".equals(event.type())) {
            log.debug("ignored {} {} on {}", event.type(), event.eventId(), TOPIC);
            return;
        }
        ProfileChanged profile = events.data(event, ProfileChanged.class);
        if (applied.firstTime(event)) {
            contacts.apply(profile);
            log.debug("applied profile of {} v{}", profile.userId(), profile.version());
        }
    }
}
