package dev.stay.users.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.client.codegen.EntitiesGraphQLQuery;
import com.netflix.graphql.dgs.client.codegen.GraphQLQueryRequest;
import dev.stay.codegen.users.client.EntitiesProjectionRoot;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import dev.stay.users.db.tables.records.UserProfileRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class UserEntitiesIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;

    @Test
    void aBatchOfUsersIsOneQueryAnsweredInRequestOrder() {
        UUID ana = aUser("Ana Sousa");
        UUID kenji = aUser("Kenji Sato");
        EntitiesGraphQLQuery query = new EntitiesGraphQLQuery(List.of(
                user(kenji.toString()), user(UUID.randomUUID().toString()), user("not-an-id"), user(ana.toString())));
        String document = new GraphQLQueryRequest(query, new EntitiesProjectionRoot<>().onUser().id().displayName())
                .serialize();
        statements.reset();

        var response = graphQl.document(document).variables(query.getVariables()).execute();

        response.path("_entities[0].displayName").entity(String.class).isEqualTo("Kenji Sato");
        response.path("_entities[1]").valueIsNull();
        response.path("_entities[2]").valueIsNull();
        response.path("_entities[3].displayName").entity(String.class).isEqualTo("Ana Sousa");
        assertThat(statements.reset()).isEqualTo(1);
    }

    private UUID aUser(String name) {
        UUID id = UUID.randomUUID();
        db.executeInsert(new UserProfileRecord().setId(id).setDisplayName(name));
        return id;
    }

    private static Map<String, Object> user(String id) {
        return Map.of("__typename", "User", "id", id);
    }
}
