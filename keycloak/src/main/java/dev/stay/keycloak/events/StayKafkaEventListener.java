package dev.stay.keycloak.events;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.ArrayList;
import java.util.List;

/**
 * One per Keycloak session. The message is read from the user as the event happens, and handed to Kafka only once
 * the session's transaction has committed: a registration that is rolled back announces nothing.
 */
final class StayKafkaEventListener implements EventListenerProvider {

    private static final Logger log = Logger.getLogger(StayKafkaEventListener.class);

    private final KeycloakSession session;
    private final KafkaPublisher publisher;
    private AfterCommit afterCommit;

    StayKafkaEventListener(KeycloakSession session, KafkaPublisher publisher) {
        this.session = session;
        this.publisher = publisher;
    }

    @Override
    public void onEvent(Event event) {
        UserTopic.of(event).ifPresent(topic ->
                publishUser(topic, event.getRealmId(), event.getUserId(), event.getId(), event.getTime(), event.getType().name()));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        UserTopic.of(event).ifPresent(topic -> UserTopic.userIdOf(event).ifPresent(userId ->
                publishUser(topic, event.getRealmId(), userId, event.getId(), event.getTime(), "ADMIN_" + event.getOperationType())));
    }

    private void publishUser(UserTopic topic, String realmId, String userId, String keycloakEventId, long time, String kind) {
        try {
            RealmModel realm = session.realms().getRealm(realmId);
            UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
            if (user == null) {
                log.debugf("%s: user %s is gone, nothing to publish", kind, userId);
                return;
            }
            if (user.getServiceAccountClientLink() != null) {
                return; // a client's service account is no guest
            }
            UserEvent message = UserEvent.of(UserEvent.eventId(keycloakEventId, kind, userId, time), time, user);
            afterCommit(new Message(topic.topic(), message.userId(), message.toJson()));
        } catch (RuntimeException e) {
            // the event is Keycloak's business; publishing it is ours, and must never fail the user's request
            log.warnf(e, "%s of user %s not published", kind, userId);
        }
    }

    private void afterCommit(Message message) {
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (transaction == null || !transaction.isActive()) {
            publisher.publish(message.topic(), message.key(), message.value());
            return;
        }
        if (afterCommit == null) {
            afterCommit = new AfterCommit();
            transaction.enlistAfterCompletion(afterCommit);
        }
        afterCommit.messages.add(message);
    }

    @Override
    public void close() {
    }

    private record Message(String topic, String key, String value) {
    }

    private final class AfterCommit extends AbstractKeycloakTransaction {

        private final List<Message> messages = new ArrayList<>();

        @Override
        protected void commitImpl() {
            messages.forEach(message -> publisher.publish(message.topic(), message.key(), message.value()));
            messages.clear();
        }

        @Override
        protected void rollbackImpl() {
            messages.clear();
        }
    }
}
