package dev.stay.users.profile;

import dev.stay.common.security.Viewer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the profile of anyone who calls with a valid token and has none yet, so a lost registration event
 * loses nothing; also keeps the roles of the profile those of the latest token.
 */
@Component
class ProfileOnFirstSight implements WebGraphQlInterceptor {

    private final UserRepository users;

    ProfileOnFirstSight(UserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Viewer.current().ifPresent(users::ensure);
        return chain.next(request);
    }
}
