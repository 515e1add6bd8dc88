package dev.stay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The guests {@code BenchStack} signed up, signed in at Keycloak as the app does (stay-web, password grant here). */
final class Guests {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Guests() {
    }

    /** One access token a guest, in the order of {@code usernames}; they last the realm's five minutes. */
    static List<String> signIn(String tokenUrl, List<String> usernames, String password) {
        HttpClient http = HttpClient.newHttpClient();
        List<String> tokens = new ArrayList<>();
        for (String username : usernames) {
            String form = "grant_type=password&client_id=stay-web&scope=openid&username=" + encode(username)
                    + "&password=" + encode(password);
            HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher token = ACCESS_TOKEN.matcher(response.body());
                if (response.statusCode() != 200 || !token.find()) {
                    throw new IllegalStateException("Keycloak refused to sign " + username + " in: HTTP "
                            + response.statusCode() + " " + response.body());
                }
                tokens.add(token.group(1));
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach Keycloak at " + tokenUrl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return tokens;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
