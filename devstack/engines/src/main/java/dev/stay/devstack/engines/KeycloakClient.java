package dev.stay.devstack.engines;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a test does at Keycloak over HTTP, as an app or a person would: token grants, the sign-up form, an admin's
 * role grant. Every failure throws with Keycloak's own explanation.
 */
final class KeycloakClient {

    /** Where the sign-up "returns" to: a redirect URI of {@code stay-web}; nothing needs to listen there. */
    private static final String APP_CALLBACK = "http://localhost:3000/callback";
    private static final Pattern REGISTER_FORM = Pattern.compile("<form[^>]*id=\"kc-register-form\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern FORM_ERROR = Pattern.compile(
            "<span[^>]*(?:id=\"input-error[^\"]*\"|kc-feedback-text)[^>]*>\\s*([^<]+?)\\s*</span>");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String realm;

    /** @param baseUrl Keycloak's public URL, e.g. {@code http://localhost:8180} */
    KeycloakClient(String baseUrl, String realm) {
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    String passwordToken(String clientId, String username, String password) {
        return token(realm, Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password));
    }

    String clientCredentialsToken(String clientId, String secret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A token of the server's admin, from the {@code master} realm. */
    String adminToken(String username, String password) {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", password));
    }

    /**
     * Signs up through the registration form, as a person in a browser does: the authorization endpoint opens the
     * form ({@code prompt=create}), the form is posted with the session's cookies, and the code it redirects with is
     * exchanged for tokens (PKCE). Keycloak thus emits a real {@code REGISTER} event.
     *
     * @param moreFields further form fields, e.g. {@code ownerApplication=requested}
     * @return the new user's id, the {@code sub} of the token the sign-up ends with
     */
    UUID register(String clientId, String email, String password, String firstName, String lastName, Map<String, String> moreFields) {
        String verifier = randomToken();
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(realmUrl(realm) + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", APP_CALLBACK,
                "state", randomToken(), "code_challenge", challenge(verifier), "code_challenge_method", "S256",
                "prompt", "create")))).GET(), cookies);
        Matcher formTag = REGISTER_FORM.matcher(page.body());
        if (page.statusCode() != 200 || !formTag.find()) {
            throw new IllegalStateException("no registration form at " + realmUrl(realm) + " (HTTP " + page.statusCode() + ")");
        }
        Matcher action = ACTION.matcher(formTag.group());
        if (!action.find()) {
            throw new IllegalStateException("the registration form has no action");
        }
        Map<String, String> fields = new LinkedHashMap<>(Map.of("email", email, "firstName", firstName, "lastName", lastName,
                "password", password, "password-confirm", password));
        fields.putAll(moreFields);
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))), cookies);
        String location = submitted.headers().firstValue("Location").orElse("");
        if (submitted.statusCode() != 302 || !location.startsWith(APP_CALLBACK)) {
            throw new IllegalStateException("sign-up of " + email + " refused (HTTP " + submitted.statusCode() + "): " + formErrors(submitted.body()));
        }
        String code = query(URI.create(location)).get("code");
        String accessToken = token(realm, Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
                "redirect_uri", APP_CALLBACK, "code_verifier", verifier));
        return UUID.fromString((String) claims(accessToken).get("sub"));
    }

    /** Adds a realm role to a user, as {@code POST /admin/realms/<realm>/users/<id>/role-mappings/realm} does. */
    void grantRealmRole(String adminToken, UUID userId, String role) {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/roles/" + role))
                .header("Authorization", "Bearer " + adminToken).GET(), new LinkedHashMap<>());
        if (found.statusCode() != 200) {
            throw new IllegalStateException("no realm role " + role + " (HTTP " + found.statusCode() + "): " + found.body());
        }
        HttpResponse<String> granted = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + found.body() + "]")), new LinkedHashMap<>());
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("granting " + role + " to " + userId + " failed (HTTP " + granted.statusCode() + "): " + granted.body());
        }
    }

    /** The claims of a JWT, unverified: for tests that look at what Keycloak issued. */
    static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT: " + e.getMessage(), e);
        }
    }

    private String token(String tokenRealm, Map<String, String> grant) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl(tokenRealm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(grant))), new LinkedHashMap<>());
        Map<String, Object> body = json(response.body());
        if (response.statusCode() != 200 || !(body.get("access_token") instanceof String token)) {
            throw new IllegalStateException(grant.get("grant_type") + " grant for " + grant.getOrDefault("username", grant.get("client_id"))
                    + " refused (HTTP " + response.statusCode() + "): " + body.getOrDefault("error_description", body.get("error")));
        }
        return token;
    }

    private String realmUrl(String name) {
        return baseUrl + "/realms/" + name;
    }

    /**
     * Cookies are kept by hand: Keycloak marks its cookies {@code Secure}, which a browser still sends to
     * {@code http://localhost}, while Java's cookie handler would not.
     */
    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Keycloak", e);
        }
    }

    private static String formErrors(String html) {
        Matcher error = FORM_ERROR.matcher(html);
        List<String> errors = error.results().map(result -> result.group(1)).distinct().toList();
        return errors.isEmpty() ? "(no message on the page)" : String.join("; ", errors);
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            return Map.of("error", body);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
