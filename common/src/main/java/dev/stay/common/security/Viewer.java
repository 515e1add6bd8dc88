package dev.stay.common.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: the signed-in user of a verified token (its subject and realm roles), or nobody.
 *
 * @param id    the token's subject, which is the user's id everywhere in Stay
 * @param roles realm roles, lower case: guest, owner, admin, partner
 * @param client the OAuth client the token was issued to (its {@code azp}): for a partner's client-credentials token,
 *               the partner itself
 */
public record Viewer(UUID id, Set<String> roles, String email, String name, String client) {

    public Viewer(UUID id, Set<String> roles, String email, String name) {
        this(id, roles, email, name, null);
    }

    public static final String GUEST = "guest";
    public static final String OWNER = "owner";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";

    /** The viewer of the current request, if it carries a valid token. */
    public static Optional<Viewer> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Viewer> from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        var jwt = token.getToken();
        Set<String> roles = token.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5).toLowerCase())
                .collect(Collectors.toUnmodifiableSet());
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.of(new Viewer(id, roles, jwt.getClaimAsString("email"), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("azp")));
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The partner this viewer acts as: its client id, when the token has the partner role and names its client. */
    public Optional<String> partnerClient() {
        return has(PARTNER) && client != null && !client.isBlank() ? Optional.of(client) : Optional.empty();
    }

    /** Whether this viewer may see or change what belongs to that user: themselves, or an admin. */
    public boolean mayActFor(UUID userId) {
        return id.equals(userId) || isAdmin();
    }

    /**
     * Whether this viewer may run properties at all (create one, change one): the owner role, or an admin. Checked
     * on every change, not only on creation, because the role can be taken away from someone who still owns
     * properties, and their current token says so.
     */
    public boolean mayOwnProperties() {
        return has(OWNER) || isAdmin();
    }

    /**
     * Whether this viewer may change what that owner owns (a property, its unit types, its inventory): the owner
     * themselves while they still hold the owner role, or an admin. Seeing is {@link #mayActFor}; changing is this.
     */
    public boolean mayManageFor(UUID ownerId) {
        return isAdmin() || (has(OWNER) && id.equals(ownerId));
    }

    static List<String> realmRoles(Object realmAccess) {
        if (realmAccess instanceof java.util.Map<?, ?> map && map.get("roles") instanceof List<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
