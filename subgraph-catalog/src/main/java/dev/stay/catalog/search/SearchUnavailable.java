package dev.stay.catalog.search;

/** OpenSearch could not answer: search says so as a typed error rather than as an internal one. */
class SearchUnavailable extends RuntimeException {

    SearchUnavailable(String message) {
        super(message);
    }
}
