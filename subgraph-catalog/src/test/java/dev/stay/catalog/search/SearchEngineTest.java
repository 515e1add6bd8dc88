package dev.stay.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a call to OpenSearch is named in its span: the endpoint and the index, from the path alone. */
class SearchEngineTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "POST, /catalog-properties/_search, search, catalog-properties",
            "POST, /catalog-properties/_mget, mget, catalog-properties",
            "POST, /_bulk?refresh=wait_for, bulk, -",
            "POST, /_aliases, aliases, -",
            "GET, /_alias/catalog-properties, alias, catalog-properties",
            "POST, /catalog-properties-1700000000000/_refresh, refresh, catalog-properties-1700000000000",
            "PUT, /catalog-properties-1700000000000, indices.create, catalog-properties-1700000000000",
            "DELETE, /catalog-properties-1700000000000, indices.delete, catalog-properties-1700000000000",
            "GET, /, indices.get, -"})
    void aCallIsNamedByItsEndpointAndIndex(String method, String path, String operation, String index) {
        assertThat(SearchEngine.operation(method, path)).isEqualTo(operation);
        assertThat(SearchEngine.index(path)).isEqualTo(index);
    }
}
