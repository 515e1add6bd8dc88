package dev.stay.keycloak.events;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The {@code stay-kafka} event listener: enable it in a realm's event listeners (Stay's realm does) and it publishes
 * registrations to {@code user.registered} and profile changes to {@code user.profile-changed}, on the Kafka named
 * by the environment variable {@code STAY_KAFKA_BOOTSTRAP}. Without that variable it publishes nothing and says so
 * once at startup. Admin events reach it when the realm has them enabled.
 */
public final class StayKafkaEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "stay-kafka";
    static final String BOOTSTRAP_VARIABLE = "STAY_KAFKA_BOOTSTRAP";

    private static final Logger log = Logger.getLogger(StayKafkaEventListenerFactory.class);

    private KafkaPublisher publisher;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        String bootstrap = System.getenv(BOOTSTRAP_VARIABLE);
        if (bootstrap == null || bootstrap.isBlank()) {
            log.warnf("%s is not set: the %s event listener publishes nothing", BOOTSTRAP_VARIABLE, ID);
            return;
        }
        publisher = new KafkaPublisher(bootstrap.trim());
        log.infof("%s event listener publishes to Kafka at %s", ID, bootstrap.trim());
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return publisher == null ? NOTHING : new StayKafkaEventListener(session, publisher);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private static final EventListenerProvider NOTHING = new EventListenerProvider() {
        @Override
        public void onEvent(Event event) {
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
        }

        @Override
        public void close() {
        }
    };
}
