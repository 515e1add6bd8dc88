package dev.stay.common.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a subgraph outside the local profile with a missing, short or published secret: a deployment
 * that forgot a setting must fail at once, loudly, rather than run on the repository's development values.
 */
class ProductionReadiness implements SmartInitializingSingleton {

    private final SecuritySettings settings;
    private final Environment env;
    private final List<DeploymentSecret> secrets;

    ProductionReadiness(SecuritySettings settings, Environment env) {
        this(settings, env, List.of());
    }

    /** @param secrets the subgraph's own secrets ({@link DeploymentSecret} beans) */
    ProductionReadiness(SecuritySettings settings, Environment env, List<DeploymentSecret> secrets) {
        this.settings = settings;
        this.env = env;
        this.secrets = secrets;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Stay will not start with profile '" + settings.profile() + "': "
                    + String.join("; ", problems) + " (set them in the environment; see .env.example)");
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>(settings.problems());
        if (!settings.local()) {
            String password = env.getProperty("spring.datasource.password");
            if (password == null || password.isBlank()) {
                problems.add("STAY_DB_PASSWORD is not set");
            } else if (PublishedSecrets.isPublished(password)) {
                problems.add("STAY_DB_PASSWORD is a value published in Stay's repository");
            }
            for (DeploymentSecret secret : secrets) {
                if (secret.value() == null || secret.value().isBlank()) {
                    problems.add(secret.variable() + " is not set");
                } else if (secret.value().length() < RouterSignature.MIN_SECRET_LENGTH) {
                    problems.add(secret.variable() + " has fewer than " + RouterSignature.MIN_SECRET_LENGTH
                            + " characters");
                } else if (PublishedSecrets.isPublished(secret.value())) {
                    problems.add(secret.variable() + " is a value published in Stay's repository");
                }
            }
        }
        return problems;
    }
}
