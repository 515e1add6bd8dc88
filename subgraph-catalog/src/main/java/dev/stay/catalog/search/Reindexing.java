package dev.stay.catalog.search;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from PostgreSQL without interrupting search: a new index is created and put behind the building
 * alias (live changes reach it from then on), filled with every published hotel in id order, a bulk request a page,
 * and then the alias moves to it in one atomic step and the old index is deleted. A hotel that changes while it runs
 * ends in its newest state either way: documents are versioned by when they were read.
 *
 * <p>At start, when there is no index yet, one is built in the background. One rebuild at a time per instance.
 */
@Component
class Reindexing {

    private static final Logger log = LoggerFactory.getLogger(Reindexing.class);

    /** Where a rebuild is: {@code total} published hotels when it started, {@code indexed} so far. */
    record Progress(String state, String index, long indexed, long total, long startedAt, long finishedAt,
                    String failure) {

        double documentsPerSecond() {
            long end = finishedAt > 0 ? finishedAt : System.currentTimeMillis();
            return end <= startedAt ? 0 : indexed * 1000.0 / (end - startedAt);
        }
    }

    private final PropertyIndex index;
    private final PropertyDocuments documents;
    private final SearchProperties settings;
    private final AtomicReference<Progress> progress =
            new AtomicReference<>(new Progress("IDLE", null, 0, 0, 0, 0, null));

    Reindexing(PropertyIndex index, PropertyDocuments documents, SearchProperties settings) {
        this.index = index;
        this.documents = documents;
        this.settings = settings;
    }

    /**
     * With no index at all there is nothing to keep answering from: the first index goes behind the alias before the
     * application is ready (so no change of a hotel finds nowhere to go), and is filled in the background.
     */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void buildIfMissing() {
        try {
            if (index.exists()) {
                return;
            }
            String first = index.createIndex();
            index.aliasTo(first);
            long started = System.currentTimeMillis();
            progress.set(new Progress("RUNNING", first, 0, 0, started, 0, null));
            Thread.ofVirtual().name("search-first-fill").start(() -> {
                try {
                    long indexed = fill(first, started);
                    progress.set(new Progress("DONE", first, indexed, indexed, started, System.currentTimeMillis(), null));
                } catch (RuntimeException e) {
                    log.error("filling the first search index failed: ./platform reindex rebuilds it", e);
                    progress.set(new Progress("FAILED", first, 0, 0, started, System.currentTimeMillis(), e.getMessage()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("no search index and none could be built now: {}", e.getMessage());
        }
    }

    /** Starts a rebuild in the background unless one runs; the progress either way. */
    synchronized Progress start() {
        if (progress.get().state().equals("RUNNING")) {
            return progress.get();
        }
        progress.set(new Progress("RUNNING", null, 0, 0, System.currentTimeMillis(), 0, null));
        Thread.ofVirtual().name("search-reindex").start(this::rebuild);
        return progress.get();
    }

    Progress progress() {
        return progress.get();
    }

    /** Every published hotel into this index, in id order, a bulk request a page; how many. */
    private long fill(String target, long started) {
        long total = documents.countPublished();
        long indexed = 0;
        progress.set(new Progress("RUNNING", target, 0, total, started, 0, null));
        UUID after = null;
        while (true) {
            List<IndexedProperty> page = documents.publishedAfter(after, settings.reindexBatch());
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
    void rebuild() {
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
            log.info("search index {} built: {} hotels at {} a second", built, indexed,
                    Math.round(done.documentsPerSecond()));
        } catch (RuntimeException e) {
            log.error("re-index failed", e);
            if (built != null) {
                index.abandon(built);
            }
            Progress last = progress.get();
            progress.set(new Progress("FAILED", built, last.indexed(), last.total(), started,
                    System.currentTimeMillis(), e.getMessage()));
        }
    }
}
