package dev.stay.users.profile;

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
 * Keeps profiles in step with the identity provider: registrations create them, profile changes update them, each
 * once. What fails is retried and then dead-lettered by the error handler every subgraph shares (common's events
 * package).
 */
@Component
class IdentityEventListener {

    private static final Logger log = LoggerFactory.getLogger(IdentityEventListener.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final UserRepository users;
    private final ProfileEvents profiles;

    IdentityEventListener(EventReader events, AppliedEvents applied, UserRepository users, ProfileEvents profiles) {
        this.events = events;
        this.applied = applied;
        this.users = users;
        this.profiles = profiles;
    }

    @KafkaListener(topics = {"user.registered", "user.profile-changed"}, groupId = "users")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        IdentityEvent change = events.data(event, IdentityEvent.class);
        if (applied.firstTime(event)) {
            if (users.apply(change)) {
                profiles.changed(change.userId());
            }
            log.info("applied {} {} for user {}", event.type(), event.eventId(), change.userId());
        }
    }
}
