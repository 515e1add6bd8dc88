package dev.stay.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every value the repository marks as a local-development value is one a deployment refuses. */
class PublishedSecretsTest {

    /** {@code KEY: value   # local-development value...} in compose.yaml and .env.example. */
    private static final Pattern MARKED = Pattern.compile("^\\s*[A-Z_]+:\\s*(?:&\\S+\\s+)?(\\S+)\\s+#\\s*local-development value");

    @Test
    void everyMarkedValueOfTheRepositoryIsKnownAsPublished() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String file : List.of("compose.yaml", ".env.example")) {
            Path path = root.resolve(file);
            if (!Files.exists(path)) continue;
            for (String line : Files.readAllLines(path)) {
                Matcher marked = MARKED.matcher(line);
                if (marked.find()) {
                    assertThat(PublishedSecrets.isPublished(marked.group(1))).as(file + ": " + line).isTrue();
                }
            }
        }
        assertThat(root.resolve("compose.yaml")).exists();
    }
}
