package dev.stay.catalog.search;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Rebuilds an index from PostgreSQL without interrupting search: a new index is created and put behind the building
 * alias (live changes reach it from then on), filled with every published document in id order, a bulk request a
 * page, and then the alias moves to it in one atomic step and the old index is deleted. A document that changes while
 * it runs ends in its newest state either way: documents are versioned by when they were read.
 *
 * <p>At start, when there is no index yet, one is built in the background. One rebuild at a time per instance.
 * {@code POST /actuator/searchindex} rebuilds every index of search (hotels', restaurants').
 *
 * @param <T> the document
 */
public class IndexRebuild<T extends AliasedIndex.Document> {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    /** Where the published documents come from, in id order. */
    public interface Source<T> {
        long countPublished();

        /** Up to {@code limit} published documents with ids after {@code after} (null: from the first), in id order. */
        List<T> publishedAfter(UUID after, int limit);
    }

    /** Where a rebuild is: {@code total} published documents when it started, {@code indexed} so far. */
    public record Progress(String state, String index, long indexed, long total, long startedAt, long finishedAt,
                    String failure) {

        double documentsPerSecond() {
            long end = finishedAt > 0 ? finishedAt : System.currentTimeMillis();
            return end <= startedAt ? 0 : indexed * 1000.0 / (end - startedAt);
        }
    }

    private final String holds;
    private final AliasedIndex<T> index;
    private final Source<T> documents;
    private final int batch;
    private final AtomicReference<Progress> progress =
            new AtomicReference<>(new Progress("IDLE", null, 0, 0, 0, 0, null));

    /** @param holds what the index holds, for logs and the endpoint's answer: "hotels", "restaurants" */
    public IndexRebuild(String holds, AliasedIndex<T> index, Source<T> documents, SearchProperties settings) {
        this.holds = holds;
        this.index = index;
        this.documents = documents;
        this.batch = settings.reindexBatch();
    }

    public String holds() {
        return holds;
    }

    /**
     * With no index at all there is nothing to keep answering from: the first index goes behind the alias before the
     * application is ready (so no change of a hotel finds nowhere to go), and is filled in the background.
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void buildIfMissing() {
        try {
            if (index.exists()) {
                return;
            }
            String first = index.createIndex();
            index.aliasTo(first);
            long started = System.currentTimeMillis();
            progress.set(new Progress("RUNNING", first, 0, 0, started, 0, null));
            Thread.ofVirtual().name("search-first-fill-" + holds()).start(() -> {
                try {
                    long indexed = fill(first, started);
                    progress.set(new Progress("DONE", first, indexed, indexed, started, System.currentTimeMillis(), null));
                } catch (RuntimeException e) {
                    log.error("filling the first search index of {} failed: ./platform reindex rebuilds it", holds(), e);
                    progress.set(new Progress("FAILED", first, 0, 0, started, System.currentTimeMillis(), e.getMessage()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("no search index of {} and none could be built now: {}", holds(), e.getMessage());
        }
    }

    /** Starts a rebuild in the background unless one runs; the progress either way. */
    public synchronized Progress start() {
        if (progress.get().state().equals("RUNNING")) {
            return progress.get();
        }
        progress.set(new Progress("RUNNING", null, 0, 0, System.currentTimeMillis(), 0, null));
        Thread.ofVirtual().name("search-reindex-" + holds()).start(this::rebuild);
        return progress.get();
    }

    public Progress progress() {
        return progress.get();
    }

    /** Every published document into this index, in id order, a bulk request a page; how many. */
    private long fill(String target, long started) {
        long total = documents.countPublished();
        long indexed = 0;
        progress.set(new Progress("RUNNING", target, 0, total, started, 0, null));
        UUID after = null;
        while (true) {
            List<T> page = documents.publishedAfter(after, batch);
            if (page.isEmpty()) {
                return indexed;
            }
            index.writeTo(List.of(target), page, List.of(), 0, false);
            indexed += page.size();
            after = page.getLast().id();
            progress.set(new Progress("RUNNING", target, indexed, Math.max(total, indexed), started, 0, null));
        }
    }

    /** Runs a rebuild in this thread. */
    public void rebuild() {
        long started = System.currentTimeMillis();
        String built = null;
        try {
            built = index.createIndex();
            index.startBuilding(built);
            long indexed = fill(built, started);
            index.swapTo(built);
            Progress done = new Progress("DONE", built, indexed, indexed, started,
                    System.currentTimeMillis(), null);
            progress.set(done);
            log.info("search index {} built: {} {} at {} a second", built, indexed, holds(),
                    Math.round(done.documentsPerSecond()));
        } catch (RuntimeException e) {
            log.error("re-index of {} failed", holds(), e);
            if (built != null) {
                index.abandon(built);
            }
            Progress last = progress.get();
            progress.set(new Progress("FAILED", built, last.indexed(), last.total(), started,
                    System.currentTimeMillis(), e.getMessage()));
        }
    }
}
