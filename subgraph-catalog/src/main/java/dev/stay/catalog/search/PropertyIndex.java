package dev.stay.catalog.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The index of published hotels behind the alias {@code stay.search.alias}. Searches read the alias; writes go to
 * every index behind it and, while a re-index runs, to the index being built too (behind the building alias), so
 * a change made during a re-index is in the new index when the alias moves to it.
 *
 * <p>Every document carries the time it was read from PostgreSQL as its external version ({@code external_gte}):
 * a re-index that read a hotel before a live change cannot overwrite what the live change wrote after it.
 */
@Component
class PropertyIndex {

    private final SearchEngine engine;
    private final SearchProperties settings;
    private final String mapping;

    PropertyIndex(SearchEngine engine, SearchProperties settings) {
        this.engine = engine;
        this.settings = settings;
        try (InputStream in = PropertyIndex.class.getResourceAsStream("/search/property-index.json")) {
            this.mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String alias() {
        return settings.alias();
    }

    boolean exists() {
        return !indicesBehind(settings.alias()).isEmpty();
    }

    /** Creates an empty index with the mapping, named after the alias and the time. */
    String createIndex() {
        String name = settings.alias() + "-" + System.currentTimeMillis();
        engine.ok("PUT", "/" + name, mapping);
        return name;
    }

    /** Puts the first index behind the alias, when there is none to keep answering from. */
    void aliasTo(String index) {
        engine.ok("POST", "/_aliases", Map.of("actions", List.of(
                Map.of("add", Map.of("index", index, "alias", settings.alias())))));
    }

    /** Puts a new index behind the building alias, so live changes reach it while it is filled. */
    void startBuilding(String index) {
        engine.ok("POST", "/_aliases", Map.of("actions", List.of(
                Map.of("add", Map.of("index", index, "alias", settings.buildingAlias())))));
    }

    /**
     * In one atomic step, the alias leaves the indices it named for the new one, which leaves the building alias;
     * then the old indices are deleted. Searches see the old index or the new one, never none.
     */
    void swapTo(String index) {
        engine.ok("POST", "/" + index + "/_refresh", null);
        Set<String> old = indicesBehind(settings.alias());
        old.remove(index);
        List<Map<String, Object>> actions = new ArrayList<>();
        old.forEach(name -> actions.add(Map.of("remove", Map.of("index", name, "alias", settings.alias()))));
        actions.add(Map.of("add", Map.of("index", index, "alias", settings.alias())));
        actions.add(Map.of("remove", Map.of("index", index, "alias", settings.buildingAlias())));
        engine.ok("POST", "/_aliases", Map.of("actions", actions));
        for (String name : old) {
            engine.call("DELETE", "/" + name, null);
        }
    }

    /** Forgets a build that failed: its index and its place behind the building alias. */
    void abandon(String index) {
        engine.call("DELETE", "/" + index, null);
    }

    /**
     * Writes these hotels and takes these ids out, in one bulk request to every index a change must reach.
     *
     * @param visible wait until searches see the change (the page cache is outdated after that, never before)
     */
    void write(Collection<IndexedProperty> hotels, Collection<UUID> gone, long readAt, boolean visible) {
        writeTo(writeTargets(), hotels, gone, readAt, visible);
    }

    /** The same to one index only: a re-index filling its new index. */
    void writeTo(Collection<String> indices, Collection<IndexedProperty> hotels, Collection<UUID> gone, long readAt,
                 boolean visible) {
        if (indices.isEmpty() || hotels.isEmpty() && gone.isEmpty()) {
            return;
        }
        StringBuilder bulk = new StringBuilder();
        for (String index : indices) {
            for (IndexedProperty hotel : hotels) {
                bulk.append(action("index", index, hotel.id(), hotel.readAt())).append('\n')
                        .append(engine.json().writeValueAsString(hotel)).append('\n');
            }
            for (UUID id : gone) {
                bulk.append(action("delete", index, id, readAt)).append('\n');
            }
        }
        JsonNode answer = engine.ok("POST", "/_bulk" + (visible ? "?refresh=wait_for" : ""), new NdJson(bulk.toString()));
        if (answer.path("errors").asBoolean(false)) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.values().iterator().next();
                int status = result.path("status").asInt();
                // 409: a newer read is already there; 404: a delete of what was never indexed
                if (status >= 300 && status != 409 && status != 404) {
                    throw new IllegalStateException("indexing " + result.path("_id").asString() + " failed: " + result);
                }
            }
        }
    }

    /** Where the index holds these hotels now (city and location), to outdate the cached pages they were in. */
    Map<UUID, IndexedProperty> current(Collection<UUID> ids) {
        SearchEngine.Answer answer = engine.call("POST", "/" + settings.alias() + "/_mget",
                Map.of("ids", ids.stream().map(UUID::toString).toList()));
        Map<UUID, IndexedProperty> found = new LinkedHashMap<>();
        if (!answer.ok()) {
            return found; // no index yet
        }
        for (JsonNode doc : answer.body().path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                IndexedProperty hotel = engine.json().treeToValue(doc.path("_source"), IndexedProperty.class);
                found.put(hotel.id(), hotel);
            }
        }
        return found;
    }

    private Set<String> writeTargets() {
        Set<String> targets = indicesBehind(settings.alias());
        targets.addAll(indicesBehind(settings.buildingAlias()));
        return targets;
    }

    private Set<String> indicesBehind(String alias) {
        SearchEngine.Answer answer = engine.call("GET", "/_alias/" + alias, null);
        Set<String> indices = new TreeSet<>();
        if (answer.ok()) {
            answer.body().propertyNames().forEach(indices::add);
        }
        return indices;
    }

    private String action(String kind, String index, UUID id, long version) {
        return engine.json().writeValueAsString(Map.of(kind, Map.of("_index", index, "_id", id.toString(),
                "version", version, "version_type", "external_gte")));
    }

    /** A bulk body: sent as it is. */
    record NdJson(String lines) {}
}
