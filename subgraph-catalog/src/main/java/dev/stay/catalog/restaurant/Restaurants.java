package dev.stay.catalog.restaurant;

import dev.stay.common.security.Viewer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Restaurants for the features that show them (their page, {@code _entities}, search, reviews). Read straight from
 * PostgreSQL in one statement for any number of ids: unlike hotels there is no Redis copy yet, because nothing reads
 * restaurants at search's rate until restaurant search lands; a cache would then follow {@code HotelCache}'s versioned
 * entries and tombstones.
 */
@Component
public class Restaurants {

    private final RestaurantRepository repository;

    Restaurants(RestaurantRepository repository) {
        this.repository = repository;
    }

    /** The restaurants that exist among these ids, in any status. */
    public Map<UUID, Restaurant> find(Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        return repository.findAll(ids).stream().collect(Collectors.toMap(Restaurant::id, Function.identity()));
    }

    /** The restaurants among these ids that this viewer may see (published ones, or their own / any for admins). */
    public Map<UUID, Restaurant> visible(Collection<UUID> ids, Optional<Viewer> viewer) {
        return find(ids).values().stream().filter(r -> r.visibleTo(viewer))
                .collect(Collectors.toMap(Restaurant::id, Function.identity()));
    }
}
