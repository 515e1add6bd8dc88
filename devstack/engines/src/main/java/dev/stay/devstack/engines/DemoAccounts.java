package dev.stay.devstack.engines;

import java.util.List;
import java.util.UUID;

/**
 * The accounts of Stay's local realm ({@code keycloak/realm/stay-realm.json}), for tests and the summary of
 * {@code ./platform up}. Their passwords and the partner's secret are local-development values.
 */
public final class DemoAccounts {

    /** A person who signs in through {@code stay-web}. */
    public record User(String username, String password, UUID id, List<String> roles) {
    }

    /** A partner's confidential client (client-credentials grant). */
    public record Partner(String clientId, String secret, List<String> roles) {
    }

    public static final User GUEST = new User("guest@stay.example", "guest-local-dev",
            UUID.fromString("436deb4d-fa95-3a12-9fc1-eaaad0a6cb2a"), List.of("guest"));
    /** Ana Sousa, owner of the demo hotels of the demo world's first owner: the ids agree. */
    public static final User OWNER = new User("owner@stay.example", "owner-local-dev",
            UUID.fromString("cb653597-75e1-36e9-a3ed-3aba1a04c76f"), List.of("guest", "owner"));
    public static final User ADMIN = new User("admin@stay.example", "admin-local-dev",
            UUID.fromString("dae661f3-e9ee-306c-a55c-ac3fd96b775b"), List.of("guest", "owner", "admin"));
    public static final Partner PARTNER = new Partner("partner-acme", "partner-acme-local-dev-secret", List.of("partner"));

    public static final List<User> USERS = List.of(GUEST, OWNER, ADMIN);

    private DemoAccounts() {
    }
}
