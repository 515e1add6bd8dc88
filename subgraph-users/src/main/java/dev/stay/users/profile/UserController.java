package dev.stay.users.profile;

import dev.stay.common.graphql.Ids;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.stereotype.Controller;

@Controller
class UserController {

    private final UserRepository users;

    UserController(UserRepository users) {
        this.users = users;
    }

    /** Every user of a response (hotel owners, reviewers) in one query, in the order the router asked. */
    @EntityMapping
    List<User> user(@Argument List<String> idList) {
        Map<UUID, User> found = users.findAll(Ids.parseValid(idList)).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        return Ids.inRequestOrder(idList, found);
    }
}
