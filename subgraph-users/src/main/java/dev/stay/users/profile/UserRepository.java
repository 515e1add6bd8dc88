package dev.stay.users.profile;

import static dev.stay.users.db.Tables.USER_PROFILE;
import static org.jooq.Records.mapping;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    List<User> findAll(Collection<UUID> ids) {
        return db.select(USER_PROFILE.ID, USER_PROFILE.DISPLAY_NAME)
                .from(USER_PROFILE)
                .where(USER_PROFILE.ID.in(ids))
                .fetch(mapping(User::new));
    }
}
