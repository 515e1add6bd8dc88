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
    private final MissedInvalidations missed;

    Hotels(HotelRepository repository, HotelCache cache, MissedInvalidations missed) {
        this.repository = repository;
        this.cache = cache;
        this.missed = missed;
    }

    /** The hotels that exist among these ids, in any status. */
    public Map<UUID, Hotel> find(Collection<UUID> ids) {
        Map<UUID, Hotel> found = new HashMap<>(missed.trustworthy(cache.getAll(ids)));
        List<UUID> missing = new ArrayList<>(ids);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            long loadedAt = missed.now();
            List<Hotel> loaded = repository.findAll(missing);
            cache.putAll(loaded, loadedAt);
            loaded.forEach(hotel -> found.put(hotel.id(), hotel));
        }
        return found;
    }

    /**
     * To call in the transaction of any change to a hotel, with the version the change gives it. The tombstone goes
     * to Redis before the commit, bounded by the cache's timeout and breaker, so that no reader can cache the old
     * page between the commit and the tombstone; when Redis does not take it, the miss is recorded with the change
     * and readers check what they find cached against the database ({@link MissedInvalidations}).
     */
    public void changing(UUID id, int newVersion) {
        if (!cache.invalidate(id, newVersion)) {
            missed.record(id, newVersion);
        }
    }
}
