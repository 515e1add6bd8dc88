package dev.stay.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedOptionsTest {

    @Test
    void withoutArgumentsTheSmallSetGoesToThePlatformsPostgres() {
        SeedOptions options = SeedOptions.parse(List.of(), Map.of());

        assertThat(options.world().hotelCount()).isEqualTo(2_000);
        assertThat(options.databaseUrls()).containsExactly(
                Map.entry("catalog", "jdbc:postgresql://127.0.0.1:15432/catalog"),
                Map.entry("booking", "jdbc:postgresql://127.0.0.1:15432/booking"),
                Map.entry("users", "jdbc:postgresql://127.0.0.1:15432/users"));
        assertThat(options.user()).isEqualTo("stay");
        assertThat(options.progress()).isEqualTo(SeedOptions.ProgressMode.AUTO);
    }

    @Test
    void theEnvironmentNamesAnotherServerAndAnOptionOneDatabase() {
        SeedOptions options = SeedOptions.parse(List.of("--size", "seed", "--users-db", "jdbc:postgresql://users:5432/profiles",
                        "--progress", "lines"),
                Map.of("STAY_DB_URL_BASE", "jdbc:postgresql://db:5432/", "STAY_DB_USER", "loader", "STAY_DB_PASSWORD", "s3cret"));

        assertThat(options.world().hotelCount()).isEqualTo(500_000);
        assertThat(options.url("catalog")).isEqualTo("jdbc:postgresql://db:5432/catalog");
        assertThat(options.url("users")).isEqualTo("jdbc:postgresql://users:5432/profiles");
        assertThat(options.user()).isEqualTo("loader");
        assertThat(options.password()).isEqualTo("s3cret");
        assertThat(options.progress()).isEqualTo(SeedOptions.ProgressMode.LINES);
    }

    @Test
    void aSizeIsSmallSeedOrWholeBlocksOfHotels() {
        assertThat(SeedOptions.parse(List.of("--size", "50,000"), Map.of()).world().hotelCount()).isEqualTo(50_000);
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--size", "1500"), Map.of()))
                .hasMessageContaining("multiple of 1,000");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--size", "huge"), Map.of()))
                .hasMessageContaining("small, seed or a number");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--size"), Map.of())).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--colour", "red"), Map.of())).hasMessageContaining("unknown option");
    }
}
