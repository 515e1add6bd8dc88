package dev.stay.users.profile;

import dev.stay.common.security.Viewer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;

/**
 * Creates the profile of anyone who calls with a valid token and has none yet, so a lost registration event
 * loses nothing; also keeps the roles of the profile those of the latest token. A profile created here is announced
 * like any other ({@link ProfileEvents}), in the same transaction.
 */
@Component
class ProfileOnFirstSight implements WebGraphQlInterceptor {

    private final UserRepository users;
    private final ProfileEvents events;
    private final TransactionTemplate tx;

    ProfileOnFirstSight(UserRepository users, ProfileEvents events, TransactionTemplate tx) {
        this.users = users;
        this.events = events;
        this.tx = tx;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Viewer.current().ifPresent(viewer -> tx.executeWithoutResult(status -> {
            if (users.ensure(viewer)) {
                events.changed(viewer.id());
            }
        }));
        return chain.next(request);
    }
}
