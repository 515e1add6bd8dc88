package dev.stay.catalog.search;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** OpenSearch down or failing: the client is told to try again later ({@code SEARCH_UNAVAILABLE}), not shown a fault. */
@Component
class SearchUnavailableResolver extends DataFetcherExceptionResolverAdapter {

    SearchUnavailableResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof SearchUnavailable)) {
            return null;
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("search is unavailable for a moment: try again")
                .extensions(Map.of("code", "SEARCH_UNAVAILABLE"))
                .build();
    }
}
