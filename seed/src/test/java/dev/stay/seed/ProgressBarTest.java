package dev.stay.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void withoutATerminalItWritesALineEveryTenthOfTheWay() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar progress = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 2_000, 0);
        for (int done = 100; done <= 2_000; done += 100) {
            progress.update(done);
        }
        progress.finish();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).startsWith("[seed] [##....").contains(" 10% 200/2,000 hotels").contains("hotels/s").contains("ETA");
        assertThat(lines[9]).contains("100% 2,000/2,000 hotels").endsWith("done");
    }

    @Test
    void onATerminalItRedrawsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar progress = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 1_000, 500);
        progress.update(1_000);
        progress.finish();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r[seed] [########################] 100% 1,000/1,000 hotels").endsWith("done\n");
    }

    @Test
    void durationsReadAsTimes() {
        assertThat(ProgressBar.duration(4.25)).isEqualTo("4.3 s");
        assertThat(ProgressBar.duration(185)).isEqualTo("3 min 05 s");
        assertThat(ProgressBar.duration(3720)).isEqualTo("1 h 02 min");
    }
}
