package dev.stay.common.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Turns the expected failures of a query into client errors with a code: {@link BadUserInput} with its reason and
 * field, {@link Forbidden} with FORBIDDEN or UNAUTHENTICATED.
 */
class ExpectedErrorResolver extends DataFetcherExceptionResolverAdapter {

    ExpectedErrorResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof Forbidden forbidden) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(forbidden.code().equals("FORBIDDEN") ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED)
                    .message(forbidden.getMessage())
                    .extensions(Map.of("code", forbidden.code()))
                    .build();
        }
        if (!(ex instanceof BadUserInput bad)) {
            return null;
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(bad.getMessage())
                .extensions(Map.of("code", "BAD_USER_INPUT", "reason", bad.reason(), "field", bad.field()))
                .build();
    }
}
