package dev.stay.common.security;

/**
 * A secret of one subgraph beyond the shared ones (the payment provider's webhook secret), declared as a bean so that
 * {@link ProductionReadiness} refuses to start outside the local profile when it is missing, shorter than
 * {@value RouterSignature#MIN_SECRET_LENGTH} characters or one of the {@link PublishedSecrets}.
 *
 * @param variable the environment variable that sets it, named in the refusal
 * @param value the value in use
 */
public record DeploymentSecret(String variable, String value) {}
