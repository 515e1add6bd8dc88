package dev.stay.users.demo;

import static dev.stay.users.db.Tables.USER_PROFILE;

import dev.stay.common.demo.DemoWorld;
import dev.stay.users.db.tables.records.UserProfileRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates the demo hotels' owners ({@code STAY_DEMO_DATA=true}) when there are no profiles yet. */
@Component
@ConditionalOnBooleanProperty("stay.demo-data")
class UsersDemoData implements ApplicationRunner {

    private final DSLContext db;

    UsersDemoData(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (db.fetchExists(USER_PROFILE)) {
            return;
        }
        List<UserProfileRecord> owners = DemoWorld.small().owners().stream()
                .map(o -> new UserProfileRecord().setId(o.id()).setDisplayName(o.displayName()).setEmail(o.email()))
                .toList();
        db.batchInsert(owners).execute();
    }
}
