package dev.stay.booking.dining;

import java.util.UUID;

/**
 * A restaurant as booking sees it: just its id, which carries {@code availability} and {@code reservations}. Named as
 * its GraphQL type (the catalog owns the rest of it).
 */
public record Restaurant(UUID id) {}
