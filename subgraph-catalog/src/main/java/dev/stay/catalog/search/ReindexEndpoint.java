package dev.stay.catalog.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/searchindex} starts a rebuild of every search index (hotels', restaurants'), {@code GET}
 * tells how far they are ({@code ./platform reindex} calls both): the top-level fields sum them up (RUNNING while one
 * runs, FAILED when one failed), {@code indexes} tells each. It is on the management port, bound to loopback like Prometheus: only an
 * operator on the machine reaches it, never a client through the router.
 */
@Component
@Endpoint(id = "searchindex")
class ReindexEndpoint {

    private final List<IndexRebuild<?>> rebuilds;

    ReindexEndpoint(List<IndexRebuild<?>> rebuilds) {
        this.rebuilds = rebuilds;
    }

    @ReadOperation
    Map<String, Object> progress() {
        return describe(rebuilds.stream().map(IndexRebuild::progress).toList());
    }

    @WriteOperation
    Map<String, Object> reindex() {
        return describe(rebuilds.stream().map(IndexRebuild::start).toList());
    }

    private Map<String, Object> describe(List<IndexRebuild.Progress> each) {
        Map<String, Object> indexes = new LinkedHashMap<>();
        for (int i = 0; i < each.size(); i++) {
            indexes.put(rebuilds.get(i).holds(), describe(each.get(i)));
        }
        IndexRebuild.Progress first = each.getFirst();
        String state = each.stream().anyMatch(p -> p.state().equals("RUNNING")) ? "RUNNING"
                : each.stream().anyMatch(p -> p.state().equals("FAILED")) ? "FAILED"
                : each.stream().anyMatch(p -> p.state().equals("DONE")) ? "DONE" : "IDLE";
        Map<String, Object> answer = describe(new IndexRebuild.Progress(state, first.index(),
                each.stream().mapToLong(IndexRebuild.Progress::indexed).sum(),
                each.stream().mapToLong(IndexRebuild.Progress::total).sum(),
                each.stream().mapToLong(IndexRebuild.Progress::startedAt).min().orElse(0),
                each.stream().mapToLong(IndexRebuild.Progress::finishedAt).max().orElse(0),
                each.stream().map(IndexRebuild.Progress::failure).filter(f -> f != null).findFirst().orElse(null)));
        answer.put("indexes", indexes);
        return answer;
    }

    private static Map<String, Object> describe(IndexRebuild.Progress progress) {
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
