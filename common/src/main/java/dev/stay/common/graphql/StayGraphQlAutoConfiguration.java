package dev.stay.common.graphql;

import graphql.scalars.ExtendedScalars;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What every Stay subgraph needs from GraphQL: a Federation 2 schema built from the SDL in {@code schema/},
 * so the router can compose it and resolve entities through {@code _entities}; the {@code Date} and
 * {@code DateTime} scalars (days bounded to years 1900-9999: {@link DayScalar}); bad input answered as a typed error rather than an internal one;
 * and each distinct document parsed and validated once ({@link DocumentCache}).
 */
@AutoConfiguration
public class StayGraphQlAutoConfiguration {

    /** Documents parsed and validated once are kept up to this many characters of text in all (about 8 MB). */
    static final long DOCUMENT_CACHE_CHARS = 4_000_000;

    @Bean
    FederationSchemaFactory federationSchemaFactory() {
        return new FederationSchemaFactory();
    }

    @Bean
    GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
        return builder -> builder.schemaFactory(factory::createGraphQLSchema)
                .configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new DocumentCache(DOCUMENT_CACHE_CHARS)));
    }

    @Bean
    RuntimeWiringConfigurer stayScalars() {
        return wiring -> wiring.scalar(DayScalar.date()).scalar(ExtendedScalars.DateTime);
    }

    @Bean
    ExpectedErrorResolver expectedErrorResolver() {
        return new ExpectedErrorResolver();
    }
}
