package dev.stay.devstack.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's command line refuses what it does not know before it starts anything. */
class PlatformCommandTest {

    @Test
    void helpExplainsAndSucceeds() {
        assertThat(PlatformCommand.run(new String[] {"help"})).isZero();
        assertThat(PlatformCommand.USAGE).contains("up [--no-demo] [--scale small|seed]", "STAY_OPENSEARCH_URL");
    }

    @Test
    void anUnknownCommandOptionOrScaleIsAUsageError() {
        assertThat(PlatformCommand.run(new String[] {"down"})).isEqualTo(2);
        assertThat(PlatformCommand.run(new String[] {"up", "--fast"})).isEqualTo(2);
        assertThat(PlatformCommand.run(new String[] {"up", "--scale", "huge"})).isEqualTo(2);
    }

    @Test
    void demoScalesAreTheSeedLoadersSizes() {
        assertThat(DemoScale.of("small")).isEqualTo(DemoScale.SMALL);
        assertThat(DemoScale.of("seed").size()).isEqualTo("seed");
    }
}
