package dev.stay.seed;

import dev.stay.seed.world.DemoWorld;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to load and where: the size of the demo world, the three databases, and how to show progress. Databases come
 * from {@code STAY_DB_URL_BASE} (the devstack's variable for an external PostgreSQL: the database name is appended),
 * {@code STAY_DB_USER} and {@code STAY_DB_PASSWORD}, by default those of {@code ./platform up}; an option overrides a
 * database's URL. The password is read from the environment only, so it never shows in a process list.
 */
record SeedOptions(DemoWorld world, String sizeName, Map<String, String> databaseUrls, String user, String password,
                   ProgressMode progress) {

    enum ProgressMode { AUTO, BAR, LINES }

    static final List<String> DATABASES = List.of("catalog", "booking", "users");
    static final String DEFAULT_URL_BASE = "jdbc:postgresql://127.0.0.1:15432";
    static final int HOTELS_PER_BATCH = SeedRun.BLOCKS_PER_BATCH * DemoWorld.HOTELS_PER_BLOCK;

    static final String USAGE = """
            Usage: seed [--size small|seed|<hotels>] [--progress auto|bar|lines]
                        [--catalog-db <jdbc url>] [--booking-db <jdbc url>] [--users-db <jdbc url>]

              --size       small: 2,000 hotels (the default); seed: 500,000 hotels with 10,000,000 rooms;
                           or a number of hotels, a multiple of 1,000
              --progress   bar: one line redrawn in place; lines: a line every 10 %; auto (the default):
                           bar on a terminal, lines otherwise
              --<db>-db    a database's JDBC URL, instead of STAY_DB_URL_BASE/<db>

            Environment: STAY_DB_URL_BASE (default jdbc:postgresql://127.0.0.1:15432, ./platform up's PostgreSQL),
                         STAY_DB_USER (default stay), STAY_DB_PASSWORD (default stay-local-dev)
            """;

    /** @throws IllegalArgumentException with what is wrong, for the usage message */
    static SeedOptions parse(List<String> args, Map<String, String> env) {
        String size = "small";
        ProgressMode progress = ProgressMode.AUTO;
        String base = env.getOrDefault("STAY_DB_URL_BASE", "").isBlank() ? DEFAULT_URL_BASE : env.get("STAY_DB_URL_BASE").trim();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        Map<String, String> urls = new LinkedHashMap<>();
        for (String database : DATABASES) {
            urls.put(database, base + "/" + database);
        }
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unexpected argument " + option);
            }
            String value = rest.removeFirst();
            switch (option) {
                case "--size" -> size = value;
                case "--progress" -> progress = switch (value) {
                    case "auto" -> ProgressMode.AUTO;
                    case "bar" -> ProgressMode.BAR;
                    case "lines" -> ProgressMode.LINES;
                    default -> throw new IllegalArgumentException("--progress is auto, bar or lines, not " + value);
                };
                case "--catalog-db", "--booking-db", "--users-db" -> urls.put(option.substring(2, option.length() - 3), value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new SeedOptions(world(size), size, Collections.unmodifiableMap(urls), env.getOrDefault("STAY_DB_USER", "stay"),
                env.getOrDefault("STAY_DB_PASSWORD", "stay-local-dev"), progress);
    }

    private static DemoWorld world(String size) {
        return switch (size) {
            case "small" -> DemoWorld.small();
            case "seed" -> DemoWorld.seedScale();
            default -> {
                int hotels;
                try {
                    hotels = Integer.parseInt(size.replace("_", "").replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--size is small, seed or a number of hotels, not " + size);
                }
                // whole batches, so that a later run with a larger size continues after them
                if (hotels <= 0 || hotels % HOTELS_PER_BATCH != 0) {
                    throw new IllegalArgumentException("--size in hotels is a positive multiple of 1,000");
                }
                yield DemoWorld.of(hotels);
            }
        };
    }

    String url(String database) {
        return databaseUrls.get(database);
    }
}
