package dev.stay.common.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses and validates each distinct document once. A subgraph sees few distinct documents (the router's query
 * plans, a handful per page and mutation), and parsing plus validating one costs more than running a small one, so
 * the result is kept by the document's text. Validation does not read variable values, so the text alone is the
 * key; a document that fails validation is kept with its errors, as it would fail the same way again.
 *
 * <p>Bounded by the total length of the texts kept ({@code maxChars}), least recently used first out: a caller that
 * sends endless distinct documents only wears the cache out, never the heap.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    DocumentCache(long maxChars) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(maxChars)
                .weigher((String text, PreparsedDocumentEntry entry) -> text.length())
                .recordStats()
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(documents.get(input.getQuery(), text -> parseAndValidate.apply(input)));
    }

    /** How many documents were answered from the cache, and how many had to be parsed. */
    long hits() {
        return documents.stats().hitCount();
    }

    long misses() {
        return documents.stats().missCount();
    }
}
