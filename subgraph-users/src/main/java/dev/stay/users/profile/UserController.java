package dev.stay.users.profile;

import dev.stay.common.graphql.FieldError;
import dev.stay.codegen.users.types.ProfileErrorCode;
import dev.stay.codegen.users.types.UpdateProfileInput;
import dev.stay.common.graphql.Forbidden;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

@Controller
class UserController {

    record UpdateProfilePayload(User user, List<FieldError<ProfileErrorCode>> errors) {}

    private final UserRepository users;
    private final ProfileEvents events;

    UserController(UserRepository users, ProfileEvents events) {
        this.users = users;
        this.events = events;
    }

    /** The profile exists by now: {@link ProfileOnFirstSight} made sure of it before the query ran. */
    @QueryMapping
    User me() {
        return Viewer.current().flatMap(viewer -> users.find(viewer.id())).orElse(null);
    }

    @MutationMapping
    @Transactional
    UpdateProfilePayload updateProfile(@Argument UpdateProfileInput input) {
        var viewer = Viewer.current();
        if (viewer.isEmpty()) {
            return new UpdateProfilePayload(null, List.of(FieldError.of(null,
                    ProfileErrorCode.UNAUTHENTICATED, "sign in to change your profile")));
        }
        UUID id = viewer.get().id();
        User current = users.find(id).orElseThrow();
        var result = ProfileUpdate.of(input, current);
        if (!result.ok()) {
            return new UpdateProfilePayload(null, result.errors());
        }
        users.update(id, result.value());
        events.changed(id);
        return new UpdateProfilePayload(users.find(id).orElseThrow(), List.of());
    }

    /** Every user of a response (hotel owners, reviewers) in one query, in the order the router asked. */
    @EntityMapping
    List<User> user(@Argument List<String> idList) {
        Map<UUID, User> found = users.findAll(Ids.parseValid(idList)).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        return Ids.inRequestOrder(idList, found);
    }

    // Private fields: the same rule for me, _entities and any other way a User is reached.

    @SchemaMapping(typeName = "User")
    String email(User user) {
        return privateTo(user).email();
    }

    @SchemaMapping(typeName = "User")
    String phone(User user) {
        return privateTo(user).phone();
    }

    @SchemaMapping(typeName = "User")
    String locale(User user) {
        return privateTo(user).locale();
    }

    @SchemaMapping(typeName = "User")
    List<String> roles(User user) {
        return privateTo(user).roles().stream().map(String::toUpperCase).toList();
    }

    @SchemaMapping(typeName = "User")
    User.NotificationPreferences notificationPreferences(User user) {
        return privateTo(user).notificationPreferences();
    }

    private static User privateTo(User user) {
        Viewer viewer = Viewer.current().orElseThrow(() -> Forbidden.signInFirst("a user's private details"));
        if (!viewer.mayActFor(user.id())) {
            throw Forbidden.notYours("this user's private details");
        }
        return user;
    }
}
