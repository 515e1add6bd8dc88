package dev.stay.catalog.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/searchindex} starts a rebuild of the search index, {@code GET} tells how far it is
 * ({@code ./platform reindex} calls both). It is on the management port, bound to loopback like Prometheus: only an
 * operator on the machine reaches it, never a client through the router.
 */
@Component
@Endpoint(id = "searchindex")
class ReindexEndpoint {

    private final Reindexing reindexing;

    ReindexEndpoint(Reindexing reindexing) {
        this.reindexing = reindexing;
    }

    @ReadOperation
    Map<String, Object> progress() {
        return describe(reindexing.progress());
    }

    @WriteOperation
    Map<String, Object> reindex() {
        return describe(reindexing.start());
    }

    private static Map<String, Object> describe(Reindexing.Progress progress) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("state", progress.state());
        answer.put("index", progress.index());
        answer.put("indexed", progress.indexed());
        answer.put("total", progress.total());
        answer.put("documentsPerSecond", Math.round(progress.documentsPerSecond()));
        answer.put("failure", progress.failure());
        return answer;
    }
}
