package dev.stay.jooq;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.meta.postgres.PostgresDatabase;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * Lets jOOQ generate code from the real schema: starts an embedded PostgreSQL, applies the module's Flyway
 * migrations, and hands that connection to jOOQ's PostgreSQL reader. The generated classes therefore always
 * match what the migrations produce, without Docker and without a database to install.
 *
 * <p>Properties (in the codegen {@code <database><properties>}): {@code locations}, the Flyway locations,
 * comma separated (e.g. {@code filesystem:src/main/resources/db/migration/booking}).
 */
public class FlywayEmbeddedPostgresDatabase extends PostgresDatabase {

    private EmbeddedPostgres postgres;
    private Connection connection;

    @Override
    protected DSLContext create0() {
        if (connection == null) {
            String locations = getProperties().getProperty("locations");
            if (locations == null || locations.isBlank()) {
                throw new IllegalStateException("property 'locations' (Flyway migration locations) is required");
            }
            try {
                postgres = EmbeddedPostgres.builder().start();
                Flyway.configure()
                        .dataSource(postgres.getPostgresDatabase())
                        .locations(locations.split(","))
                        .load()
                        .migrate();
                connection = postgres.getPostgresDatabase().getConnection();
                setConnection(connection);
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            } catch (SQLException e) {
                throw new DataAccessException("could not connect to embedded PostgreSQL", e);
            }
        }
        return DSL.using(connection, SQLDialect.POSTGRES);
    }

    @Override
    public void close() {
        JDBCUtils.safeClose(connection);
        connection = null;
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
        super.close();
    }
}
