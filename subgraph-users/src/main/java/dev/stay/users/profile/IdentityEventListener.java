package dev.stay.users.profile;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Keeps profiles in step with the identity provider: registrations create them, profile changes update them. */
@Component
class IdentityEventListener {

    private static final Logger log = LoggerFactory.getLogger(IdentityEventListener.class);

    private final UserRepository users;
    private final JsonMapper json;

    IdentityEventListener(UserRepository users, JsonMapper json) {
        this.users = users;
        this.json = json;
    }

    @KafkaListener(topics = {"user.registered", "user.profile-changed"}, groupId = "users")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        IdentityEvent event = json.readValue(record.value(), IdentityEvent.class);
        if (users.apply(record.topic(), event)) {
            log.info("applied {} {} for user {}", record.topic(), event.eventId(), event.userId());
        }
    }
}
