package dev.stay.seed;

import static dev.stay.users.db.Tables.USER_PROFILE;

import dev.stay.seed.world.DemoWorld;
import dev.stay.users.db.tables.records.UserProfileRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * The users' part: the owners' profiles. An owner who signed in before the seed ran (owner 0 is a real demo account)
 * has a profile already, and keeps it.
 */
final class UsersTarget implements Target {

    private final DSLContext db;

    UsersTarget(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "users";
    }

    @Override
    public boolean holds(int hotel, int owner) {
        return db.fetchExists(USER_PROFILE, USER_PROFILE.ID.eq(DemoWorld.ownerId(owner)));
    }

    @Override
    public long write(List<DemoWorld.Block> blocks) {
        List<UserProfileRecord> profiles = blocks.stream().flatMap(block -> block.owners().stream())
                .map(owner -> new UserProfileRecord().setId(owner.id()).setDisplayName(owner.displayName())
                        .setEmail(owner.email()).setLocale(owner.locale()).setRoles(new String[] {"owner"}))
                .toList();
        db.transaction(tx -> Inserts.insert(tx.dsl(), profiles, true));
        return profiles.size();
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(USER_PROFILE);
    }
}
