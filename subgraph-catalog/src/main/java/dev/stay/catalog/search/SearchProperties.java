package dev.stay.catalog.search;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hotel search ({@code stay.search.*}); restaurant search shares its engine, timeouts, cache TTL and batches.
 *
 * @param url             the OpenSearch node or cluster ({@code STAY_OPENSEARCH_URL})
 * @param alias           the alias searches read and the indexer writes through; each build is an index named
 *                        {@code <alias>-<millis>} behind it
 * @param timeout         connect and response bound of every OpenSearch call
 * @param pageTtl         how long a result page stays in Redis; also the bound of its staleness when Redis missed
 *                        the change that outdated it
 * @param datedCandidates how many matches, in sort order, a dated search checks for availability
 * @param reindexBatch    properties read and written per bulk request by a re-index
 */
@ConfigurationProperties("stay.search")
public record SearchProperties(
        @DefaultValue("http://127.0.0.1:19200") URI url,
        @DefaultValue("catalog-properties") String alias,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("60s") Duration pageTtl,
        @DefaultValue("2000") int datedCandidates,
        @DefaultValue("1000") int reindexBatch) {

    public SearchProperties {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("stay.search.url must be http(s)://host:port");
        }
        if (!alias.matches("[a-z][a-z0-9-]{0,60}")) {
            throw new IllegalArgumentException("stay.search.alias must be lower-case letters, digits and dashes");
        }
    }
}
