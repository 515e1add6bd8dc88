package dev.stay.common.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DocumentCacheTest {

    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(new graphql.parser.Parser().parseDocument(input.getQuery()));
    };

    @Test
    void aDocumentSentAgainIsParsedOnceWhateverItsVariables() {
        DocumentCache cache = new DocumentCache(10_000);
        String query = "query Hotel($id: ID!) { hotel(id: $id) { name } }";

        PreparsedDocumentEntry first = cache.getDocumentAsync(input(query, Map.of("id", "a")), parse).join();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input(query, Map.of("id", "b")), parse).join();

        assertThat(second).isSameAs(first);
        assertThat(parsed).hasValue(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void distinctDocumentsBeyondTheBoundPushTheOldestOutRatherThanGrowTheCache() {
        DocumentCache cache = new DocumentCache(1_000);
        for (int i = 0; i < 500; i++) cache.getDocumentAsync(input("{ a" + i + ": hotel(id: \"x\") { name } }", Map.of()), parse).join();
        String first = "{ a0: hotel(id: \"x\") { name } }";

        cache.getDocumentAsync(input(first, Map.of()), parse).join();

        assertThat(parsed).as("the first document was pushed out and parsed again").hasValue(501);
    }

    @Test
    void anInvalidDocumentIsAnsweredWithTheSameErrorsFromTheCacheAsWithout() {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { hotel(id: ID!): String }"), RuntimeWiring.newRuntimeWiring().build());
        GraphQL cached = GraphQL.newGraphQL(schema).preparsedDocumentProvider(new DocumentCache(10_000)).build();
        GraphQL plain = GraphQL.newGraphQL(schema).build();
        String query = "{ hotel { nameOfTheOwnersCat } }";

        var expected = plain.execute(query).getErrors().toString();

        assertThat(cached.execute(query).getErrors().toString()).isEqualTo(expected).contains("ValidationError");
        assertThat(cached.execute(query).getErrors().toString()).isEqualTo(expected);
    }

    private static ExecutionInput input(String query, Map<String, Object> variables) {
        return ExecutionInput.newExecutionInput(query).variables(variables).build();
    }
}
