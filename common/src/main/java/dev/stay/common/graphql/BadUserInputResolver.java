package dev.stay.common.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/** Turns {@link BadUserInput} into a client error with a code, reason and field. */
class BadUserInputResolver extends DataFetcherExceptionResolverAdapter {

    BadUserInputResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
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
