package dev.stay.catalog.property;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Hotel pages, cache-aside: from Redis when there, else from PostgreSQL in one query for all the misses. */
@Component
public class Hotels {

    private final HotelRepository repository;
    private final HotelCache cache;

    Hotels(HotelRepository repository, HotelCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    /** The hotels that exist among these ids, in any status. */
    public Map<UUID, Hotel> find(Collection<UUID> ids) {
        Map<UUID, Hotel> found = new HashMap<>(cache.getAll(ids));
        List<UUID> missing = new ArrayList<>(ids);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            List<Hotel> loaded = repository.findAll(missing);
            cache.putAll(loaded);
            loaded.forEach(hotel -> found.put(hotel.id(), hotel));
        }
        return found;
    }

    /** To call in the transaction of any change to a hotel, with the version the change gives it. */
    public void changing(UUID id, int newVersion) {
        cache.invalidate(id, newVersion);
    }
}
