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
import java.util.LinkedHashSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * An index behind an alias (hotels' {@code stay.search.alias}, restaurants' own). Searches read the alias; writes go
 * to every index behind it and, while a re-index runs, to the index being built too (behind the building alias), so
 * a change made during a re-index is in the new index when the alias moves to it.
 *
 * <p>Every document carries the time it was read from PostgreSQL as its external version ({@code external_gte}):
 * a re-index that read a document before a live change cannot overwrite what the live change wrote after it.
 *
 * @param <T> the document, as the index holds it
 */
public class AliasedIndex<T extends AliasedIndex.Document> {

    /** What every indexed document has: its id, and when it was read (its version). */
    public interface Document {
        UUID id();

        long readAt();
    }

    private final SearchEngine engine;
    private final String alias;
    private final String mapping;
    private final Class<T> type;

    /** @param mappingResource the class path resource of the index's settings and mappings */
    protected AliasedIndex(SearchEngine engine, String alias, String mappingResource, Class<T> type) {
        this.engine = engine;
        this.alias = alias;
        this.type = type;
        try (InputStream in = AliasedIndex.class.getResourceAsStream(mappingResource)) {
            this.mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String alias() {
        return alias;
    }

    /** The alias the index being built sits behind while a re-index runs, so live changes reach it too. */
    String buildingAlias() {
        return alias + "-building";
    }

    boolean exists() {
        return !indicesBehind(alias).isEmpty();
    }

    /** Creates an empty index with the mapping, named after the alias and the time. */
    String createIndex() {
        String name = alias + "-" + System.currentTimeMillis();
        engine.ok("PUT", "/" + name, mapping);
        return name;
    }

    /** Puts the first index behind the alias, when there is none to keep answering from. */
    void aliasTo(String index) {
        engine.ok("POST", "/_aliases", Map.of("actions", List.of(
                Map.of("add", Map.of("index", index, "alias", alias)))));
    }

    /** Puts a new index behind the building alias, so live changes reach it while it is filled. */
    void startBuilding(String index) {
        engine.ok("POST", "/_aliases", Map.of("actions", List.of(
                Map.of("add", Map.of("index", index, "alias", buildingAlias())))));
    }

    /**
     * In one atomic step, the alias leaves the indices it named for the new one, which leaves the building alias;
     * then the old indices are deleted. Searches see the old index or the new one, never none.
     */
    void swapTo(String index) {
        engine.ok("POST", "/" + index + "/_refresh", null);
        Set<String> old = indicesBehind(alias);
        old.remove(index);
        List<Map<String, Object>> actions = new ArrayList<>();
        old.forEach(name -> actions.add(Map.of("remove", Map.of("index", name, "alias", alias))));
        actions.add(Map.of("add", Map.of("index", index, "alias", alias)));
        actions.add(Map.of("remove", Map.of("index", index, "alias", buildingAlias())));
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
     * Writes these documents and takes these ids out, in one bulk request to every index a change must reach.
     *
     * @param visible wait until searches see the change (the page cache is outdated after that, never before)
     */
    void write(Collection<T> documents, Collection<UUID> gone, long readAt, boolean visible) {
        writeTo(writeTargets(), documents, gone, readAt, visible);
    }

    /** The same to one index only: a re-index filling its new index. */
    void writeTo(Collection<String> indices, Collection<T> documents, Collection<UUID> gone, long readAt,
                 boolean visible) {
        if (indices.isEmpty() || documents.isEmpty() && gone.isEmpty()) {
            return;
        }
        StringBuilder bulk = new StringBuilder();
        for (String index : indices) {
            for (T document : documents) {
                bulk.append(action("index", index, document.id(), document.readAt())).append('\n')
                        .append(engine.json().writeValueAsString(document)).append('\n');
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

    /** These documents as the index holds them now (where they are, to outdate the cached pages they were in). */
    public Map<UUID, T> current(Collection<UUID> ids) {
        SearchEngine.Answer answer = engine.call("POST", "/" + alias + "/_mget",
                Map.of("ids", ids.stream().map(UUID::toString).toList()));
        Map<UUID, T> found = new LinkedHashMap<>();
        if (!answer.ok()) {
            return found; // no index yet
        }
        for (JsonNode doc : answer.body().path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                T document = engine.json().treeToValue(doc.path("_source"), type);
                found.put(document.id(), document);
            }
        }
        return found;
    }

    /**
     * Brings these documents up to date with PostgreSQL, then outdates the cached pages of the areas they were in
     * and are in: reading again rather than applying an event's content makes any event of a document enough, and
     * replays and out-of-order deliveries harmless.
     *
     * @param published reads the published documents among the ids (the others leave the index)
     */
    public void refresh(Collection<UUID> ids, Function<Collection<UUID>, List<T>> published,
                        Function<T, Collection<String>> areas, SearchCache cache) {
        if (!ids.isEmpty()) {
            long readAt = System.currentTimeMillis(); // before the read: what committed before it is in what it reads
            cache.outdate(replace(ids, published.apply(ids), readAt, areas));
        }
    }

    /**
     * Brings these documents up to date: {@code published} written, the other ids taken out, visible to searches
     * when it returns.
     *
     * @param readAt when {@code published} was read (before the read): the version of the deletions
     * @return the cache areas they were in and are in, to outdate now that searches see the change
     */
    Set<String> replace(Collection<UUID> ids, List<T> published, long readAt,
                               Function<T, Collection<String>> areas) {
        Map<UUID, T> before = current(ids);
        Set<UUID> gone = new LinkedHashSet<>(ids);
        published.forEach(document -> gone.remove(document.id()));
        write(published, gone, readAt, true);
        Set<String> touched = new LinkedHashSet<>();
        before.values().forEach(document -> touched.addAll(areas.apply(document)));
        published.forEach(document -> touched.addAll(areas.apply(document)));
        return touched;
    }

    private Set<String> writeTargets() {
        Set<String> targets = indicesBehind(alias);
        targets.addAll(indicesBehind(buildingAlias()));
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
