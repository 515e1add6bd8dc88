package dev.stay.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The repository publishes no usable secret: compose.yaml takes them all from .env, whose example is refused. */
class PublishedSecretsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code KEY=value} in .env.example. */
    private static final Pattern SETTING = Pattern.compile("^([A-Z_]+)=(.*)$");
    /** {@code SOMETHING_PASSWORD: value} or {@code ..._SECRET: value} in compose.yaml. */
    private static final Pattern SECRET = Pattern.compile("^\\s*[A-Z_]*(PASSWORD|SECRET)[A-Z_]*:\\s*(?:&\\S+\\s+)?(\\S+)");

    @Test
    void everyPlaceholderOfTheEnvExampleIsRefusedAsPublished() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(".env.example"));
        int settings = 0;
        for (String line : lines) {
            Matcher setting = SETTING.matcher(line);
            if (setting.matches()) {
                settings++;
                assertThat(PublishedSecrets.isPublished(setting.group(2))).as(line).isTrue();
            }
        }
        assertThat(settings).as("settings in .env.example").isGreaterThanOrEqualTo(4);
    }

    @Test
    void composeWritesNoPasswordOrSecretItself() throws IOException {
        int secrets = 0;
        for (String line : Files.readAllLines(ROOT.resolve("compose.yaml"))) {
            Matcher secret = SECRET.matcher(line);
            if (secret.find()) {
                secrets++;
                assertThat(secret.group(2)).as(line).matches("(\\$\\{[A-Z_]+:\\?.*|\\*[a-z-]+)");
            }
        }
        assertThat(secrets).as("password and secret settings in compose.yaml").isGreaterThanOrEqualTo(5);
    }
}
