package dev.stay.devstack.launcher;

import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Engines;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.devstack.engines.Postgres;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./platform up} prints once Stay is up: every address, where the logs are, a few demo hotels to query,
 * and the demo accounts with the {@code curl} line that gets each a token.
 */
final class Summary {

    private final StringBuilder text = new StringBuilder();

    /** @param demoData what was loaded, or null when the demo data is off */
    static String of(String routerUrl, String routerMetricsUrl, List<Service> subgraphs, Engines engines, Path logs,
            String demoData) {
        Summary summary = new Summary();
        Postgres postgres = engines.postgres();
        summary.row("router", routerUrl + "  (GraphiQL in a browser)");
        summary.row("traces", engines.traceViewer().url() + "/zipkin/  (the trace viewer in a browser)");
        summary.row("metrics", routerMetricsUrl + "  (the router's Prometheus; subgraphs': /actuator/prometheus on their management port)");
        subgraphs.forEach(subgraph -> summary.row(subgraph.name(), subgraph.url()));
        summary.row("postgres", postgres.jdbcUrl("{catalog,booking,users}") + "  user " + postgres.user());
        summary.row("kafka", engines.kafka().bootstrapServers());
        summary.row("redis", engines.redis().url());
        summary.row("opensearch", engines.openSearch().url());
        summary.row("payment", engines.payment().url());
        summary.row("notify", engines.notifications().url());
        Keycloak keycloak = engines.keycloak();
        summary.row("keycloak", keycloak.baseUrl() + "  (admin console /admin/, server admin "
                + (keycloak.isExternal() ? "as configured" : Keycloak.LOCAL_ADMIN_USERNAME + " / " + Keycloak.LOCAL_ADMIN_PASSWORD) + ")");
        summary.row("issuer", keycloak.issuer());
        summary.row("logs", logs.toString());
        if (demoData != null) {
            summary.row("demo data", demoData);
            summary.rows("demo hotels", DemoHotels.firstFew(postgres, 3));
        } else {
            summary.row("demo data", "off");
        }
        summary.rows("accounts", howToSignIn(keycloak));
        return summary.text.toString();
    }

    /** Each demo account, and the curl line that gets it a token. */
    static List<String> howToSignIn(Keycloak keycloak) {
        List<String> lines = new ArrayList<>();
        for (DemoAccounts.User user : DemoAccounts.USERS) {
            lines.add(String.format("%-8s %s / %s  (%s)", user.roles().getLast(), user.username(), user.password(), String.join(", ", user.roles())));
            lines.add("         curl -s -d grant_type=password -d client_id=" + Keycloak.WEB_CLIENT + " -d username=" + user.username()
                    + " -d password=" + user.password() + " " + keycloak.tokenEndpoint());
        }
        DemoAccounts.Partner partner = DemoAccounts.PARTNER;
        lines.add(String.format("%-8s client %s / %s  (client credentials)", "partner", partner.clientId(), partner.secret()));
        lines.add("         curl -s -d grant_type=client_credentials -d client_id=" + partner.clientId()
                + " -d client_secret=" + partner.secret() + " " + keycloak.tokenEndpoint());
        lines.add("the answer's access_token is the bearer token (5 minutes): Authorization: Bearer <access_token>");
        return lines;
    }

    private void rows(String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row(i == 0 ? name : "", values.get(i));
        }
    }

    private void row(String name, String value) {
        text.append(String.format("  %-11s %s%n", name, value));
    }
}
